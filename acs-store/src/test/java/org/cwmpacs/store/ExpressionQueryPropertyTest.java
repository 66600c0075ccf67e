package org.cwmpacs.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bson.Document;
import org.cwmpacs.core.expression.DeviceParameters;
import org.cwmpacs.core.expression.Evaluator;
import org.cwmpacs.core.expression.Expr;
import org.cwmpacs.core.expression.MongoQuery;
import org.cwmpacs.core.expression.Parser;
import org.cwmpacs.core.store.QueryControl;
import org.cwmpacs.store.engine.Filter;
import org.junit.jupiter.api.Test;

/**
 * The property the UI, permissions and counts rely on: for generated expressions and devices, the MongoDB
 * query an expression compiles to (run by the embedded store's filter) selects exactly the devices the
 * evaluator finds it true for. Values of every stored type, missing values, tags, dates and identity fields
 * meet comparisons, LIKE, IS NULL and three-valued AND, OR, NOT.
 */
class ExpressionQueryPropertyTest {
    private static final long NOW = 1_000_000L;
    private static final String[] PARAMS = {"A.x", "A.y", "B.z", "Events.Inform", "Tags.t1", "Tags.my0x20tag",
        "DeviceID.ProductClass", "DeviceID.ID"};
    private static final String[] LITERALS = {"-1", "0", "1", "1.5", "2", "3", "1000", "2000", "2500", "0.5",
        "''", "'a'", "'ab'", "'b'", "'10'", "'3x'", "'HG8'", "TRUE", "FALSE", "NULL", "NOW() - 999000",
        "'d' || 2"};
    private static final String[] PATTERNS = {"'a%'", "'%b'", "'_'", "'%'", "'a_'", "'10'", "'%!%%' ESCAPE '!'",
        "'HG%'", "NULL", "'d%'", "'A%'", "'%B'", "'hg%'", "'a!%b' ESCAPE '!'"};
    private static final String[] COMPARISONS = {"=", "<>", ">", ">=", "<", "<="};

    private final Random random = new Random(20261202);

    private Object value() {
        switch (random.nextInt(8)) {
            case 0: return null;
            case 1: return random.nextBoolean();
            case 2: return random.nextInt(7) - 3;
            case 3: return new double[] {0.5, 1.5, 2.0, 1000.0}[random.nextInt(4)];
            case 4: return new String[] {"", "a", "ab", "b", "10", "3x", "A%B", "a%"}[random.nextInt(8)];
            case 5: return new Date(new long[] {0, 1000, 2000, 2500, 3000}[random.nextInt(5)]);
            default: return "b";
        }
    }

    private Document device(int i) {
        Document doc = new Document("_id", new String[] {"d1", "d2", "HG8-x"}[i % 3] + i);
        doc.append("_deviceId", new Document("_Manufacturer", "M").append("_OUI", "001122")
                .append("_ProductClass", new String[] {"HG8", "HG9", "X", "10"}[random.nextInt(4)])
                .append("_SerialNumber", "S" + i));
        if (random.nextBoolean()) {
            doc.append("_lastInform", new Date(new long[] {1000, 2000, 2500, 999_000}[random.nextInt(4)]));
        }
        List<String> tags = new ArrayList<>();
        if (random.nextBoolean()) {
            tags.add("t1");
        }
        if (random.nextBoolean()) {
            tags.add("my tag");
        }
        doc.append("_tags", tags);
        Document a = new Document();
        for (String leaf : new String[] {"x", "y"}) {
            Object v = value();
            if (v != null) {
                a.append(leaf, new Document("_value", v).append("_type", "xsd:string"));
            }
        }
        doc.append("A", a);
        Object z = value();
        if (z != null) {
            doc.append("B", new Document("z", new Document("_value", z)));
        }
        return doc;
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }

    private String expression(int depth) {
        int kind = depth <= 0 ? random.nextInt(5) : random.nextInt(9);
        switch (kind) {
            case 0:
            case 1:
                return random.nextBoolean() ? pick(PARAMS) + " " + pick(COMPARISONS) + " " + pick(LITERALS)
                        : pick(LITERALS) + " " + pick(COMPARISONS) + " " + pick(PARAMS);
            case 2:
                return pick(PARAMS) + (random.nextBoolean() ? " IS NULL" : " IS NOT NULL");
            case 3: {
                // UPPER/LOWER of the parameter: the UI's case-insensitive filters
                String operand = random.nextInt(3) == 0 ? pick(new String[] {"UPPER(", "LOWER("}) + pick(PARAMS) + ")"
                        : pick(PARAMS);
                return operand + (random.nextBoolean() ? " LIKE " : " NOT LIKE ") + pick(PATTERNS);
            }
            case 4:
                return random.nextInt(4) == 0 ? pick(new String[] {"TRUE", "FALSE", "NULL", "1 = 1"}) : pick(PARAMS);
            case 5:
            case 6:
                return "(" + expression(depth - 1) + ") " + (random.nextBoolean() ? "AND" : "OR") + " ("
                        + expression(depth - 1) + ")";
            case 7:
                return "NOT (" + expression(depth - 1) + ")";
            default:
                return expression(depth - 1) + " " + (random.nextBoolean() ? "AND" : "OR") + " " + expression(depth - 1);
        }
    }

    @Test
    void theQuerySelectsExactlyTheDevicesTheEvaluatorAccepts() {
        List<Document> devices = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            devices.add(device(i));
        }
        int selectedSomewhere = 0;
        for (int n = 0; n < 3000; n++) {
            String text = expression(3);
            Expr e = Parser.parse(text);
            Map<String, Object> query = MongoQuery.devices(e, NOW);
            Filter filter = Filter.compile(query);
            int selected = 0;
            for (Document doc : devices) {
                boolean evaluated = new Evaluator(DeviceParameters.of(DeviceDocuments.fromDocument(doc)), NOW).holds(e);
                boolean queried = filter.matches(doc, QueryControl.NONE);
                assertThat(queried).as("%s\nquery %s\ndevice %s", text, query, doc.toJson()).isEqualTo(evaluated);
                selected += evaluated ? 1 : 0;
            }
            if (selected > 0 && selected < devices.size()) {
                selectedSomewhere++;
            }
        }
        // the generated expressions are not trivially all or nothing
        assertThat(selectedSomewhere).isGreaterThan(1000);
    }
}
