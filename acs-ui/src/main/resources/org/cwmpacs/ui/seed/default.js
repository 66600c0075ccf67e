// The values the default pages show, refreshed at most once an hour.
const hourly = Date.now(3600000);
const igd = "InternetGatewayDevice.";
const wanIp = igd + "WANDevice.*.WANConnectionDevice.*.WANIPConnection.*.";
const wlan = igd + "LANDevice.*.WLANConfiguration.*.";
const hosts = igd + "LANDevice.*.Hosts.Host.*.";
for (const path of [igd + "DeviceInfo.HardwareVersion", igd + "DeviceInfo.SoftwareVersion",
    wanIp + "MACAddress", wanIp + "ExternalIPAddress", wlan + "SSID",
    hosts + "HostName", hosts + "IPAddress", hosts + "MACAddress"]) {
  declare(path, {path: hourly, value: hourly});
}
// a passphrase is rarely readable: its presence only
declare(wlan + "KeyPassphrase", {path: hourly, value: 1});
