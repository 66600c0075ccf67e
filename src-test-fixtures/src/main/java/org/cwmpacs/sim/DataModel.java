package org.cwmpacs.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A CPE's parameter tree: object paths end with a dot ({@code Device.WiFi.}), leaves do not. Loaded from
 * GenieACS's CSV export (the shared data models) or generated.
 */
public final class DataModel {
    private final ConcurrentSkipListMap<String, SimParameter> nodes = new ConcurrentSkipListMap<>();
    private final Map<String, String> deviceId;

    private DataModel(Map<String, String> deviceId) {
        this.deviceId = deviceId;
    }

    /**
     * Reads a GenieACS CSV export (columns Parameter, Object, Writable, Value, Value type, or the longer form
     * with timestamps). {@code DeviceID.*} rows give the identity; {@code Events.*} and {@code Tags.*} are
     * GenieACS's own and skipped.
     */
    public static DataModel fromCsv(Path csv) {
        List<List<String>> rows;
        try {
            rows = parseCsv(Files.readString(csv, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read data model " + csv, e);
        }
        List<String> header = rows.get(0);
        int param = header.indexOf("Parameter");
        int object = header.indexOf("Object");
        int writable = header.indexOf("Writable");
        int value = header.indexOf("Value");
        int type = header.indexOf("Value type");
        Map<String, String> id = new TreeMap<>();
        DataModel model = new DataModel(id);
        for (List<String> cells : rows.subList(1, rows.size())) {
            if (cells.size() <= Math.max(param, Math.max(object, Math.max(writable, value)))) {
                continue;
            }
            String path = cells.get(param);
            if (path.startsWith("DeviceID.")) {
                id.put(path.substring("DeviceID.".length()), cells.get(value));
                continue;
            }
            if (path.startsWith("Events.") || path.startsWith("Tags.") || path.equals("Events") || path.equals("Tags")
                    || path.equals("DeviceID")) {
                continue;
            }
            boolean isObject = Boolean.parseBoolean(cells.get(object));
            boolean isWritable = Boolean.parseBoolean(cells.get(writable));
            if (isObject) {
                model.nodes.put(path + ".", SimParameter.object(isWritable));
            } else {
                String t = type >= 0 && type < cells.size() && !cells.get(type).isEmpty() ? cells.get(type) : "xsd:string";
                model.nodes.put(path, SimParameter.leaf(isWritable, cells.get(value), t));
            }
        }
        model.addMissingParents();
        return model;
    }

    /** A TR-181 tree with {@code leaves} leaves, for tests and load runs. */
    public static DataModel generate(String oui, String productClass, String serial, int leaves) {
        DataModel model = new DataModel(new TreeMap<>(Map.of("Manufacturer", "SimVendor", "OUI", oui,
                "ProductClass", productClass, "SerialNumber", serial)));
        model.nodes.put("Device.DeviceInfo.SoftwareVersion", SimParameter.leaf(false, "1.0.0", "xsd:string"));
        model.nodes.put("Device.DeviceInfo.HardwareVersion", SimParameter.leaf(false, "HW1", "xsd:string"));
        model.nodes.put("Device.DeviceInfo.ProvisioningCode", SimParameter.leaf(true, "", "xsd:string"));
        model.nodes.put("Device.ManagementServer.ParameterKey", SimParameter.leaf(false, "", "xsd:string"));
        model.nodes.put("Device.ManagementServer.ConnectionRequestURL", SimParameter.leaf(false,
                "http://127.0.0.1:7547/", "xsd:string"));
        model.nodes.put("Device.ManagementServer.PeriodicInformInterval", SimParameter.leaf(true, "300",
                "xsd:unsignedInt"));
        for (int i = 0; model.leafCount() < leaves; i++) {
            String base = "Device.X_SIM_Table." + (i / 10 + 1) + ".";
            model.nodes.put(base + "Value" + (i % 10), SimParameter.leaf(true, "v" + i, "xsd:string"));
        }
        model.addMissingParents();
        return model;
    }

    private void addMissingParents() {
        for (String path : new ArrayList<>(nodes.keySet())) {
            String p = path.endsWith(".") ? path.substring(0, path.length() - 1) : path;
            int dot = p.lastIndexOf('.');
            while (dot > 0) {
                String parent = p.substring(0, dot + 1);
                nodes.putIfAbsent(parent, SimParameter.object(false));
                dot = p.lastIndexOf('.', dot - 1);
            }
        }
    }

    /** RFC 4180 CSV: quoted cells may hold commas, doubled quotes and line breaks (device logs do). */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                cells.add(cell.toString());
                cell.setLength(0);
                if (!(cells.size() == 1 && cells.get(0).isEmpty())) {
                    rows.add(cells);
                }
                cells = new ArrayList<>();
            } else {
                cell.append(c);
            }
        }
        if (cell.length() > 0 || !cells.isEmpty()) {
            cells.add(cell.toString());
            rows.add(cells);
        }
        return rows;
    }

    /** {@code Manufacturer}, {@code OUI}, {@code ProductClass}, {@code SerialNumber} from the export. */
    public String identity(String field) {
        return deviceId.getOrDefault(field, "");
    }

    /** The root object, {@code Device.} or {@code InternetGatewayDevice.}. */
    public String root() {
        return nodes.containsKey("Device.") ? "Device." : "InternetGatewayDevice.";
    }

    public NavigableMap<String, SimParameter> nodes() {
        return Collections.unmodifiableNavigableMap(nodes);
    }

    public Optional<SimParameter> get(String path) {
        return Optional.ofNullable(nodes.get(path));
    }

    public void put(String path, SimParameter parameter) {
        nodes.put(path, parameter);
    }

    /** Removes an object instance and everything below it. */
    public void removeSubtree(String objectPath) {
        nodes.subMap(objectPath, true, objectPath + Character.MAX_VALUE, true).clear();
    }

    /** The nodes below (and including) a partial path, or the one leaf named. */
    public NavigableMap<String, SimParameter> subtree(String path) {
        if (path.isEmpty()) {
            return nodes;
        }
        if (!path.endsWith(".")) {
            SimParameter p = nodes.get(path);
            TreeMap<String, SimParameter> one = new TreeMap<>();
            if (p != null) {
                one.put(path, p);
            }
            return one;
        }
        return nodes.subMap(path, true, path + Character.MAX_VALUE, true);
    }

    public long leafCount() {
        return nodes.values().stream().filter(p -> !p.object()).count();
    }

    /** A copy with another serial number, for running many devices of one model. */
    public DataModel copyWithSerial(String serial) {
        Map<String, String> id = new TreeMap<>(deviceId);
        id.put("SerialNumber", serial);
        DataModel copy = new DataModel(id);
        copy.nodes.putAll(nodes);
        return copy;
    }
}
