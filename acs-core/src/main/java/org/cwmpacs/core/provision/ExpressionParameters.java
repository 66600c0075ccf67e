package org.cwmpacs.core.provision;

import java.util.LinkedHashSet;
import java.util.Set;
import org.cwmpacs.core.expression.Expr;
import org.cwmpacs.core.preset.Preset;

/** The parameters a preset's precondition and arguments name, to be read before they are evaluated. */
final class ExpressionParameters {
    private ExpressionParameters() {
    }

    static Set<String> of(Preset preset) {
        Set<String> out = new LinkedHashSet<>();
        collect(preset.precondition(), out);
        for (Preset.Provision p : preset.provisions()) {
            p.args().forEach(a -> collect(a, out));
        }
        return out;
    }

    private static void collect(Expr e, Set<String> out) {
        if (e instanceof Expr.Param) {
            Expr path = ((Expr.Param) e).path();
            if (path instanceof Expr.Lit && ((Expr.Lit) path).value() instanceof String) {
                String p = (String) ((Expr.Lit) path).value();
                if (!p.startsWith("DeviceID.") && !p.startsWith("Events.") && !p.startsWith("Tags.")) {
                    try {
                        Path.parse(p);
                        out.add(p);
                    } catch (IllegalArgumentException notAPath) {
                        // evaluates to NULL; nothing to read
                    }
                }
            }
        } else if (e instanceof Expr.Op) {
            ((Expr.Op) e).args().forEach(a -> collect(a, out));
        } else if (e instanceof Expr.Fn) {
            ((Expr.Fn) e).args().forEach(a -> collect(a, out));
        } else if (e instanceof Expr.Case) {
            ((Expr.Case) e).whenThen().forEach(a -> collect(a, out));
            collect(((Expr.Case) e).otherwise(), out);
        }
    }
}
