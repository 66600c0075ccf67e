package org.cwmpacs.soap.message;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * One {@code Operations} entry of ChangeDUState. Its {@code xsi:type} (Install, Update or Uninstall)
 * decides which children it has and in which order, so the children are kept as elements written in
 * the order the schema gives for that type.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "OperationStruct")
public final class OperationStruct {
    /** The operation kinds and the order of their children in cwmp-1-2.xsd. */
    public enum Kind {
        INSTALL("InstallOpStruct", List.of("URL", "UUID", "Username", "Password", "ExecutionEnvRef")),
        UPDATE("UpdateOpStruct", List.of("UUID", "Version", "URL", "Username", "Password")),
        UNINSTALL("UninstallOpStruct", List.of("UUID", "Version", "ExecutionEnvRef"));

        private final String typeName;
        private final List<String> children;

        Kind(String typeName, List<String> children) {
            this.typeName = typeName;
            this.children = children;
        }

        public String typeName() {
            return typeName;
        }

        static Kind ofType(String rawType) {
            String local = rawType.substring(rawType.indexOf(':') + 1).strip();
            for (Kind k : values()) {
                if (k.typeName.equals(local)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown ChangeDUState operation type '" + rawType + "'");
        }
    }

    private static final DocumentBuilderFactory DOM = DocumentBuilderFactory.newInstance();

    @XmlAttribute(name = "type", namespace = Cwmp.TYPE_ATTRIBUTE_NS)
    private String type;
    @XmlAnyElement
    private List<Element> children;

    private OperationStruct() {
        // for JAXB
    }

    private OperationStruct(Kind kind, Map<String, String> values) {
        this.type = "cwmp:" + kind.typeName;
        Document doc = newDocument();
        List<Element> list = new ArrayList<>();
        for (String child : kind.children) {
            String v = values.get(child);
            if (v != null) {
                Element e = doc.createElementNS(null, child);
                e.setTextContent(v);
                list.add(e);
            }
        }
        this.children = List.copyOf(list);
    }

    /** Install from a URL; uuid, username, password and executionEnvRef may be empty (then omitted). */
    public static OperationStruct install(String url, String uuid, String username, String password, String executionEnvRef) {
        return new OperationStruct(Kind.INSTALL, present(true, "URL", Objects.requireNonNull(url, "url"), "UUID", uuid,
                "Username", username, "Password", password, "ExecutionEnvRef", executionEnvRef));
    }

    public static OperationStruct update(String uuid, String version, String url, String username, String password) {
        return new OperationStruct(Kind.UPDATE, present(false, "UUID", uuid, "Version", version, "URL", url,
                "Username", username, "Password", password));
    }

    public static OperationStruct uninstall(String uuid, String version, String executionEnvRef) {
        return new OperationStruct(Kind.UNINSTALL, present(true, "UUID", Objects.requireNonNull(uuid, "uuid"),
                "Version", version, "ExecutionEnvRef", executionEnvRef));
    }

    private static Map<String, String> present(boolean firstRequired, String... nameValue) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            String v = nameValue[i + 1];
            // UUID is required for Uninstall, and a required element goes out even when empty
            if (v != null && (!v.isEmpty() || (firstRequired && i == 0))) {
                m.put(nameValue[i], v);
            }
        }
        return m;
    }

    private static Document newDocument() {
        try {
            return DOM.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    public Kind kind() {
        return Kind.ofType(type == null ? "" : type);
    }

    public String url() {
        return child("URL");
    }

    public String uuid() {
        return child("UUID");
    }

    public String username() {
        return child("Username");
    }

    public String password() {
        return child("Password");
    }

    public String executionEnvRef() {
        return child("ExecutionEnvRef");
    }

    public String version() {
        return child("Version");
    }

    private String child(String name) {
        if (children != null) {
            for (Element e : children) {
                if (name.equals(e.getLocalName() != null ? e.getLocalName() : e.getTagName())) {
                    return e.getTextContent();
                }
            }
        }
        return "";
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof OperationStruct)) {
            return false;
        }
        OperationStruct other = (OperationStruct) o;
        return Objects.equals(type, other.type) && url().equals(other.url()) && uuid().equals(other.uuid())
                && username().equals(other.username()) && password().equals(other.password())
                && executionEnvRef().equals(other.executionEnvRef()) && version().equals(other.version());
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, url(), uuid(), version());
    }

    @Override
    public String toString() {
        return type + "[url=" + url() + ", uuid=" + uuid() + ", version=" + version() + "]";
    }
}
