package org.cwmpacs.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.bson.Document;
import org.cwmpacs.core.device.Device;
import org.cwmpacs.core.device.Device.DeviceIdentity;
import org.cwmpacs.core.device.DeviceInform;
import org.cwmpacs.core.device.ParameterAttributes;
import org.cwmpacs.core.device.ParameterValues;
import org.cwmpacs.core.device.TreeChanges;
import org.cwmpacs.soap.message.BooleanAdapter;
import org.cwmpacs.soap.message.CwmpDateTime;
import org.cwmpacs.soap.message.ParameterValueStruct;
import org.cwmpacs.soap.message.XsdType;

/**
 * GenieACS 1.2's device document: the parameter tree nested by path segment, each node's attributes in
 * underscore-prefixed fields ({@code _value}, {@code _type}, {@code _timestamp}, {@code _object},
 * {@code _writable}, ...), children being the keys without an underscore, and the device's own fields
 * ({@code _id}, {@code _deviceId}, {@code _registered}, {@code _lastInform}, {@code _lastBoot},
 * {@code _lastBootstrap}, {@code _tags}) at the top. Dates are BSON dates.
 */
final class DeviceDocuments {
    /** Parameter roots a {@code 0 BOOTSTRAP} forgets (as GenieACS's bootstrap preset clears them). */
    static final List<String> ROOTS = List.of("Device", "InternetGatewayDevice", "_timestamp");

    private DeviceDocuments() {
    }

    static Device fromDocument(Document doc) {
        SortedMap<String, ParameterAttributes> parameters = new TreeMap<>();
        collect(doc, "", parameters);
        return header(doc, parameters);
    }

    /** The device's own fields ({@code _id}, {@code _deviceId}, dates, tags) with these parameters. */
    static Device header(Map<String, Object> doc, SortedMap<String, ParameterAttributes> parameters) {
        Object rawId = doc.get("_deviceId");
        Map<?, ?> id = rawId instanceof Map ? (Map<?, ?>) rawId : null;
        DeviceIdentity identity = id == null ? new DeviceIdentity("", "", "", "")
                : new DeviceIdentity(str(id.get("_Manufacturer")), str(id.get("_OUI")), str(id.get("_ProductClass")),
                        str(id.get("_SerialNumber")));
        List<String> tags = new ArrayList<>();
        Object rawTags = doc.get("_tags");
        if (rawTags instanceof List) {
            for (Object t : (List<?>) rawTags) {
                tags.add(String.valueOf(t));
            }
        }
        return new Device(str(doc.get("_id")), identity, date(doc.get("_registered")), date(doc.get("_lastInform")),
                date(doc.get("_lastBoot")), date(doc.get("_lastBootstrap")), tags, parameters);
    }

    private static void collect(Document node, String path, SortedMap<String, ParameterAttributes> out) {
        ParameterAttributes attributes = attributes(node);
        if (!attributes.isEmpty()) {
            out.put(path, attributes);
        }
        for (Map.Entry<String, Object> e : node.entrySet()) {
            if (!e.getKey().startsWith("_") && e.getValue() instanceof Document) {
                collect((Document) e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), out);
            }
        }
    }

    private static ParameterAttributes attributes(Document node) {
        return DocumentTreeSource.attributesOf(node);
    }

    static Document toDocument(Device device) {
        Document doc = new Document("_id", device.id());
        DeviceIdentity id = device.identity();
        doc.put("_deviceId", new Document("_Manufacturer", id.manufacturer()).append("_OUI", id.oui())
                .append("_ProductClass", id.productClass()).append("_SerialNumber", id.serialNumber()));
        device.registered().ifPresent(t -> doc.put("_registered", Date.from(t)));
        device.lastInform().ifPresent(t -> doc.put("_lastInform", Date.from(t)));
        device.lastBoot().ifPresent(t -> doc.put("_lastBoot", Date.from(t)));
        device.lastBootstrap().ifPresent(t -> doc.put("_lastBootstrap", Date.from(t)));
        if (!device.tags().isEmpty()) {
            doc.put("_tags", new ArrayList<>(device.tags()));
        }
        device.parameters().forEach((path, attributes) -> fields(attributes, (path.isEmpty() ? doc : nodeAt(doc, path))::put));
        return doc;
    }

    /** Each attribute present, under its GenieACS field name ({@code _value}, {@code _type}, ...). */
    private static void fields(ParameterAttributes attributes, java.util.function.BiConsumer<String, Object> out) {
        attributes.object().ifPresent(v -> out.accept("_object", v));
        attributes.writable().ifPresent(v -> out.accept("_writable", v));
        attributes.value().ifPresent(v -> out.accept("_value", v instanceof Instant ? Date.from((Instant) v) : v));
        attributes.type().ifPresent(v -> out.accept("_type", v));
        attributes.timestamp().ifPresent(v -> out.accept("_timestamp", Date.from(v)));
        attributes.notification().ifPresent(v -> out.accept("_notification", v));
        attributes.accessList().ifPresent(v -> out.accept("_accessList", new ArrayList<>(v)));
        attributes.attributesTimestamp().ifPresent(v -> out.accept("_attributesTimestamp", Date.from(v)));
    }

    /** GenieACS's {@code $unset} of a session's changes: the removed subtrees, as dotted keys. */
    static Document unsets(TreeChanges changes) {
        Document unset = new Document();
        for (String path : changes.removed()) {
            unset.put(path, "");
        }
        return unset;
    }

    /** GenieACS's {@code $set} of a session's changes: every attribute written, as dotted keys. */
    static Document sets(TreeChanges changes) {
        Document set = new Document();
        changes.set().forEach((path, attributes) -> fields(attributes,
                (field, value) -> set.put(path.isEmpty() ? field : path + "." + field, value)));
        return set;
    }

    private static Document nodeAt(Document root, String path) {
        Document node = root;
        for (String segment : path.split("\\.")) {
            Object child = node.get(segment);
            if (!(child instanceof Document)) {
                child = new Document();
                node.put(segment, child);
            }
            node = (Document) child;
        }
        return node;
    }

    /**
     * The {@code $set} and {@code $setOnInsert} of an Inform: GenieACS's fields, and for every Inform
     * parameter its value (typed as GenieACS types it), type, timestamp and {@code _object: false}. A parameter
     * whose value and type equal {@code known} gets only its {@code _timestamp} written, or nothing when
     * {@code refreshTimestamps} is false. Names that are no TR-069 path are added to {@code skipped}.
     */
    static Document informUpdate(DeviceInform inform, List<String> skipped, Map<String, String> known,
                                 boolean refreshTimestamps) {
        Date now = Date.from(inform.time());
        Document set = new Document();
        TreeSet<String> paths = new TreeSet<>();
        Map<String, ParameterValueStruct> byPath = new TreeMap<>();
        for (ParameterValueStruct p : inform.parameters()) {
            if (isStorablePath(p.name())) {
                paths.add(p.name());
                byPath.put(p.name(), p);
            } else {
                skipped.add(p.name());
            }
        }
        for (Map.Entry<String, ParameterValueStruct> e : byPath.entrySet()) {
            String path = e.getKey();
            String next = paths.higher(path);
            if (next != null && next.startsWith(path + ".")) {
                // a leaf that is also a parent cannot be stored; the deeper one wins
                skipped.add(path);
                continue;
            }
            ParameterValueStruct p = e.getValue();
            String type = storedType(p);
            if (valueKey(p).equals(known.get(path))) {
                if (refreshTimestamps) {
                    set.put(path + "._timestamp", now);
                }
                continue;
            }
            set.put(path + "._object", false);
            set.put(path + "._value", storedValue(p.value(), type));
            set.put(path + "._type", type);
            set.put(path + "._timestamp", now);
        }
        set.put("_lastInform", now);
        if (inform.hasEvent(DeviceInform.BOOT)) {
            set.put("_lastBoot", now);
        }
        if (inform.hasEvent(DeviceInform.BOOTSTRAP)) {
            set.put("_lastBootstrap", now);
        }
        Document onInsert = new Document("_deviceId", new Document("_Manufacturer", inform.identity().manufacturer())
                .append("_OUI", inform.identity().oui()).append("_ProductClass", inform.identity().productClass())
                .append("_SerialNumber", inform.identity().serialNumber()))
                .append("_registered", now);
        return new Document("$set", set).append("$setOnInsert", onInsert);
    }

    /** Every segment as TR-069 names them ({@code [A-Za-z0-9-][A-Za-z0-9_-]*}); a plain scan, it runs per parameter. */
    static boolean isStorablePath(String path) {
        boolean segmentStart = true;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '.') {
                if (segmentStart) {
                    return false;
                }
                segmentStart = true;
            } else if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
                    || (c == '_' && !segmentStart)) {
                segmentStart = false;
            } else {
                return false;
            }
        }
        return !segmentStart;
    }

    /** What decides whether a stored Inform parameter changed. */
    static String valueKey(ParameterValueStruct p) {
        return storedType(p) + "\u0000" + p.value();
    }

    static String storedType(ParameterValueStruct p) {
        return ParameterValues.storedType(p);
    }

    /** As GenieACS stores values; dates as BSON dates. */
    static Object storedValue(String text, String type) {
        Object v = ParameterValues.typed(text, type);
        return v instanceof Instant ? Date.from((Instant) v) : v;
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }

    private static Optional<Instant> date(Object o) {
        return o instanceof Date ? Optional.of(((Date) o).toInstant()) : Optional.empty();
    }
}
