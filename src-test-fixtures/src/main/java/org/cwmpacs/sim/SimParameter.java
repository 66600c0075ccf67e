package org.cwmpacs.sim;

/** One node of a simulated CPE's tree: an object (path ends without a value) or a leaf with value and type. */
public record SimParameter(boolean object, boolean writable, String value, String type, int notification) {
    public static SimParameter object(boolean writable) {
        return new SimParameter(true, writable, "", "", 0);
    }

    public static SimParameter leaf(boolean writable, String value, String type) {
        return new SimParameter(false, writable, value, type, 0);
    }

    public SimParameter withValue(String newValue, String newType) {
        return new SimParameter(object, writable, newValue, newType.isEmpty() ? type : newType, notification);
    }

    public SimParameter withNotification(int newNotification) {
        return new SimParameter(object, writable, value, type, newNotification);
    }
}
