package org.cwmpacs.core.task;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A task as the provisions GenieACS turns it into ({@code lib/cwmp.ts}): what a fault of the task's channel
 * records in its {@code provisions} field, so that tools reading faults see what GenieACS would store.
 * Tasks GenieACS does not have are recorded as their name and main arguments.
 */
public final class TaskProvisions {
    private TaskProvisions() {
    }

    public static List<List<Object>> of(TaskSpec spec) {
        List<List<Object>> out = new ArrayList<>();
        if (spec instanceof TaskSpec.GetParameterValues) {
            for (String name : ((TaskSpec.GetParameterValues) spec).parameterNames()) {
                out.add(List.of("refresh", name));
            }
        } else if (spec instanceof TaskSpec.SetParameterValues) {
            for (TaskSpec.ParameterValue v : ((TaskSpec.SetParameterValues) spec).parameterValues()) {
                out.add(List.of("value", v.name(), scalar(v.value())));
            }
        } else if (spec instanceof TaskSpec.RefreshObject) {
            out.add(List.of("refresh", ((TaskSpec.RefreshObject) spec).objectName()));
        } else if (spec instanceof TaskSpec.Reboot) {
            out.add(List.of("reboot"));
        } else if (spec instanceof TaskSpec.FactoryReset) {
            out.add(List.of("reset"));
        } else if (spec instanceof TaskSpec.Download) {
            TaskSpec.Download d = (TaskSpec.Download) spec;
            out.add(List.of("download", d.fileType().orElse(""), d.fileName().or(d::file).orElse(""),
                    d.targetFileName()));
        } else if (spec instanceof TaskSpec.ScheduleDownload) {
            TaskSpec.Download d = ((TaskSpec.ScheduleDownload) spec).transfer();
            out.add(List.of("scheduleDownload", d.fileType().orElse(""), d.fileName().or(d::file).or(d::url).orElse(""),
                    d.targetFileName()));
        } else if (spec instanceof TaskSpec.CancelTransfer) {
            out.add(List.of("cancelTransfer", ((TaskSpec.CancelTransfer) spec).commandKey()));
        } else if (spec instanceof TaskSpec.ChangeDUState) {
            List<Object> change = new ArrayList<>(List.of("changeDUState"));
            for (TaskSpec.DuOperation op : ((TaskSpec.ChangeDUState) spec).operations()) {
                change.add(op.type() + " " + (op.uuid().isEmpty() ? op.url() : op.uuid()));
            }
            out.add(change);
        } else if (spec instanceof TaskSpec.AddObject) {
            TaskSpec.AddObject a = (TaskSpec.AddObject) spec;
            List<String> alias = new ArrayList<>();
            for (TaskSpec.ParameterValue v : a.parameterValues()) {
                Object value = scalar(v.value());
                alias.add(v.name() + ":" + (value instanceof String ? "\"" + value + "\"" : value));
            }
            out.add(List.of("instances", a.objectName() + ".[" + String.join(",", alias) + "]", "+1"));
        } else if (spec instanceof TaskSpec.DeleteObject) {
            out.add(List.of("instances", ((TaskSpec.DeleteObject) spec).objectName(), 0));
        } else if (spec instanceof TaskSpec.Upload) {
            TaskSpec.Upload u = (TaskSpec.Upload) spec;
            out.add(List.of("upload", u.fileType(), u.url()));
        } else if (spec instanceof TaskSpec.Provisions) {
            out.addAll(((TaskSpec.Provisions) spec).provisions());
        } else {
            out.add(Arrays.asList(spec.name()));
        }
        return out;
    }

    /** Values as JSON carries them: text, numbers and booleans; dates as their text. */
    private static Object scalar(Object value) {
        return value instanceof String || value instanceof Number || value instanceof Boolean ? value
                : String.valueOf(value);
    }
}
