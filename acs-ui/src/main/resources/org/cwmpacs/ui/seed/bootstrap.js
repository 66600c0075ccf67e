// After a bootstrap (first contact, or a factory reset) what was known of the device is stale: forget it,
// so that the next sessions learn the tree afresh.
const now = Date.now();
for (const root of ["InternetGatewayDevice", "Device"]) {
  clear(root, now);
}
