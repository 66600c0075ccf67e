package org.cwmpacs.soap.internal;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** Small StAX helpers shared by the hand-written readers. */
public final class Xml {
    private Xml() {
    }

    /**
     * The text of the element whose START_ELEMENT is current, ignoring any child elements (a CPE's stray
     * markup inside a value should not lose the value); leaves the reader on the element's END_ELEMENT.
     */
    public static String text(XMLStreamReader r) throws XMLStreamException {
        String first = null;
        StringBuilder more = null;
        int level = 1;
        while (level > 0) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                level++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                level--;
            } else if (level == 1 && (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                    || event == XMLStreamConstants.SPACE)) {
                if (first == null) {
                    first = r.getText();
                } else {
                    if (more == null) {
                        more = new StringBuilder(first);
                    }
                    more.append(r.getText());
                }
            }
        }
        return more != null ? more.toString() : first == null ? "" : first;
    }

    /** From a START_ELEMENT to its END_ELEMENT. */
    public static void skip(XMLStreamReader r) throws XMLStreamException {
        int level = 1;
        while (level > 0) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                level++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                level--;
            }
        }
    }
}
