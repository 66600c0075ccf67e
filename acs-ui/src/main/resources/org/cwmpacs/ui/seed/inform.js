// Once a day: a periodic inform every five minutes, on both data models.
const daily = Date.now(86400000);
for (const root of ["InternetGatewayDevice", "Device"]) {
  declare(root + ".ManagementServer.PeriodicInformEnable", {value: daily}, {value: true});
  declare(root + ".ManagementServer.PeriodicInformInterval", {value: daily}, {value: 300});
}
