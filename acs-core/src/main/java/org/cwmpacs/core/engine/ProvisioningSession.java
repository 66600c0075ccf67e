package org.cwmpacs.core.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.cwmpacs.core.device.DeviceInform;
import org.cwmpacs.core.expression.TagNames;
import org.cwmpacs.core.preset.PresetSource;
import org.cwmpacs.core.provision.PresetRun;
import org.cwmpacs.core.provision.Resolver;
import org.cwmpacs.core.provision.SessionView;
import org.cwmpacs.core.script.ScriptEngine;
import org.cwmpacs.soap.message.AcsRequest;

/** The pieces one session's presets run with, put together from its Inform and its planner. */
record ProvisioningSession(SessionView view, Resolver resolver, PresetRun presets, PresetRun.Channels channels,
                           java.util.Optional<org.cwmpacs.core.script.Extensions> extensions) {
    /** A task's provisions, with this session's view. */
    PresetRun forTask(PresetSource.Snapshot snapshot, ScriptEngine engine, String channel,
                      List<List<Object>> provisions) {
        return PresetRun.forTask(snapshot, engine, view, channel, provisions, channels, extensions);
    }

    static ProvisioningSession start(DeviceInform inform, boolean registered, Planner planner,
                                     PresetSource.Snapshot snapshot, ScriptEngine engine,
                                     Predicate<String> channelAllowed, Function<List<String>, AcsRequest> download,
                                     PresetRun.Channels channels,
                                     java.util.Optional<org.cwmpacs.core.script.Extensions> extensions,
                                     int maxCommits) {
        Map<String, String> identity = inform.identityFields();
        Set<String> events = new LinkedHashSet<>(events(inform));
        if (registered) {
            events.add("Registered");
        }
        SessionView view = new SessionView(planner.tree(), inform.time(), inform.deviceId(), identity,
                new ArrayList<>(events), maxCommits);
        Resolver resolver = new Resolver(view, download, planner::created);
        PresetRun presets = new PresetRun(snapshot, engine, view, events, channelAllowed, channels, extensions);
        return new ProvisioningSession(view, resolver, presets, channels, extensions);
    }

    /** The session's events as GenieACS names them: {@code Inform}, then each code with spaces as underscores. */
    static List<String> events(DeviceInform inform) {
        List<String> out = new ArrayList<>();
        out.add("Inform");
        for (String code : inform.eventCodes()) {
            String name = TagNames.encode(code.strip().replaceAll("\\s+", "_"));
            if (!out.contains(name)) {
                out.add(name);
            }
        }
        return out;
    }
}
