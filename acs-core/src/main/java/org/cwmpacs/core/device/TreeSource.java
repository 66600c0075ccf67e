package org.cwmpacs.core.device;

import java.util.List;
import java.util.Optional;

/**
 * A stored parameter tree read on demand: a session that needs a few parameters of a device with thousands
 * does not decode them all. Paths are dotted, {@code ""} the root. Implementations read one version of the
 * document; they are used by one session at a time.
 */
public interface TreeSource {
    /** The node's own attributes, if the node is stored with any. */
    Optional<ParameterAttributes> attributes(String path);

    /** The names (full paths) of the node's children, stored as nodes; empty for a leaf or a missing node. */
    List<String> children(String path);
}
