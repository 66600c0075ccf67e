package org.cwmpacs.core.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ScriptEngineTest {
    private static final String DEVICE = "202BC1-BM632w-000001";
    private static final Instant SESSION = Instant.parse("2026-12-02T10:15:30.123Z");
    private static ScriptEngine engine;

    @BeforeAll
    static void start() {
        engine = new ScriptEngine(new ScriptLimits(200_000, 500, 64L << 20));
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    /** Records declarations; every declared path matches itself, with the value "v:<path>". */
    static final class Recorder implements ScriptRun.Host {
        final List<String> declared = new ArrayList<>();
        final List<String> cleared = new ArrayList<>();

        @Override
        public int declare(String path, Map<String, Object> timestamps, Map<String, Object> values) {
            if (path.contains(" ")) {
                throw new IllegalArgumentException("Invalid parameter path \"" + path + "\"");
            }
            declared.add(path + " " + timestamps + " " + values);
            return declared.size() - 1;
        }

        @Override
        public List<String> attributes(int declaration) {
            return List.of("value", "writable");
        }

        @Override
        public List<String> unpack(int declaration, Optional<String> concrete) {
            String path = declared.get(declaration).split(" ")[0];
            return concrete.map(List::of).orElse(List.of(path + ".1", path + ".2"));
        }

        String prefix = "v:";

        @Override
        public Optional<Object> attribute(String path, String attribute) {
            return Optional.of(attribute.equals("value") ? List.of(prefix + path, "xsd:string") : true);
        }

        @Override
        public void clear(String path, double timestamp, Optional<List<String>> attributes) {
            cleared.add(path + "@" + (long) timestamp);
        }

        @Override
        public void reset() {
            declared.clear();
            cleared.clear();
        }
    }

    private static ScriptRun run(String script, int maxRevision, Recorder host) {
        ScriptRun run = new ScriptRun("test", "[\"a\",2]", DEVICE, SESSION, maxRevision, host, new HashMap<>());
        engine.run("test", script, run);
        return run;
    }

    private static String value(String expression) {
        ScriptRun run = run("return " + expression + ";", 0, new Recorder());
        assertThat(run.fault()).isEmpty();
        return run.returnValue().orElse("undefined");
    }

    @Test
    void mathRandomIsGenieAcsSeedrandomOfTheDeviceIdAndRestartsAtEveryRun() {
        assertThat(value("[Math.random(), Math.random()]"))
                .isEqualTo("[0.015778179446364844,0.028639823802753105]");
        assertThat(value("Math.random()")).isEqualTo("0.015778179446364844");
    }

    @Test
    void dateIsTheSessionTimeAndDateNowSpreadsDevicesAsGenieAcsDoes() {
        assertThat(value("Date.now()")).isEqualTo(String.valueOf(SESSION.toEpochMilli()));
        assertThat(value("new Date().getTime()")).isEqualTo(String.valueOf(SESSION.toEpochMilli()));
        long day = 86_400_000L;
        long offset = 74_952_166L;
        long expected = Math.floorDiv(SESSION.toEpochMilli() + offset, day) * day - offset;
        assertThat(value("Date.now(86400000)")).isEqualTo(String.valueOf(expected));
        assertThat(value("Date.now(3600000, 0)")).isEqualTo(String.valueOf(
                SESSION.toEpochMilli() / 3_600_000L * 3_600_000L));
        assertThat(value("Date.now('0 3 * * *')")).isEqualTo(String.valueOf(
                Instant.parse("2026-12-02T03:00:00Z").toEpochMilli()));
        assertThat(value("new Date(0).toISOString()")).isEqualTo("\"1970-01-01T00:00:00.000Z\"");
        assertThat(value("args")).isEqualTo("[\"a\",2]");
    }

    @Test
    void readingADeclaredParameterCommitsOnceThenTheReplaySeesTheData() {
        String script = "const p = declare('Device.X', {value: 1}); log('first'); const v = p.value[0]; "
                + "declare('Device.Y', null, {value: v}); log('got ' + v); return p.size;";
        Recorder first = new Recorder();
        ScriptRun r0 = run(script, 0, first);
        assertThat(r0.status()).isEqualTo(ScriptRun.Status.COMMIT);
        assertThat(first.declared).containsExactly("Device.X {value=1.0} {}");
        assertThat(r0.logs()).containsExactly("first");
        Recorder second = new Recorder();
        ScriptRun r1 = run(script, 1, second);
        // the size is read after another declaration: a second commit
        assertThat(r1.status()).isEqualTo(ScriptRun.Status.COMMIT);
        assertThat(second.declared).containsExactly("Device.X {value=1.0} {}", "Device.Y {} {value=v:Device.X.1}");
        assertThat(r1.logs()).containsExactly("got v:Device.X.1");
        ScriptRun r2 = run(script, 2, new Recorder());
        assertThat(r2.status()).isEqualTo(ScriptRun.Status.DONE);
        assertThat(r2.returnValue()).contains("2");
        assertThat(r2.logs()).isEmpty();
    }

    @Test
    void iteratingYieldsEachMatch() {
        ScriptRun r = run("const out = []; for (const p of declare('A.*', {value: 1})) out.push(p.path + '=' + "
                + "p.value[0]); return out;", 1, new Recorder());
        assertThat(r.returnValue()).contains("[\"A.*.1=v:A.*.1\",\"A.*.2=v:A.*.2\"]");
    }

    @Test
    void commitInsideTryCatchIsRefusedAsGenieAcsRefusesIt() {
        ScriptRun r = run("try { declare('A', {value: 1}).value; } catch (e) {} declare('B', {value: 1}).value;", 0,
                new Recorder());
        assertThat(r.status()).isEqualTo(ScriptRun.Status.FAULT);
        assertThat(r.fault().get().message()).contains("try/catch");
    }

    @Test
    void anExceptionBecomesAFaultNamedAfterItsError() {
        ScriptRun r = run("null.x;", 0, new Recorder());
        assertThat(r.fault().get().code()).isEqualTo("script.TypeError");
        assertThat(r.fault().get().stack()).contains("test.js");
        ScriptRun custom = run("class MyError extends Error { constructor(m) { super(m); this.name = 'MyError'; } }"
                + " throw new MyError('boom');", 0, new Recorder());
        assertThat(custom.fault().get().code()).isEqualTo("script.MyError");
        assertThat(custom.fault().get().message()).isEqualTo("boom");
        ScriptRun bad = run("declare('has space', {value: 1});", 0, new Recorder());
        assertThat(bad.fault().get().message()).contains("Invalid parameter path");
    }

    @Test
    void noHostAccess() {
        for (String probe : List.of("typeof Java", "typeof require", "typeof process", "typeof Polyglot",
                "typeof load", "typeof print", "typeof quit", "typeof Packages", "typeof java", "typeof readline",
                "typeof loadWithNewGlobal", "typeof Graal")) {
            assertThat(value(probe)).as(probe).isEqualTo("\"undefined\"");
        }
        ScriptRun r = run("return Java.type('java.lang.System');", 0, new Recorder());
        assertThat(r.fault().get().code()).isEqualTo("script.ReferenceError");
    }

    @Test
    void globalsAScriptLeavesAndItsMathRandomAreGoneAtTheNextRun() {
        for (int i = 0; i < 3; i++) {
            run("globalThis.shared = 1; Math.random = () => 4;", 0, new Recorder());
            assertThat(value("typeof shared")).isEqualTo("\"undefined\"");
            assertThat(value("Math.random()")).isEqualTo("0.015778179446364844");
        }
    }

    @Test
    void anEndlessLoopIsStoppedAtTheStatementLimitAndTheEngineGoesOn() {
        ScriptRun r = run("while (true) {}", 0, new Recorder());
        assertThat(r.fault().get().code()).isEqualTo("script.Error");
        assertThat(r.fault().get().message()).contains("ACS_SCRIPT_MAX_STATEMENTS");
        assertThat(value("1 + 1")).isEqualTo("2");
    }

    @Test
    void aStatementThatNeverEndsIsStoppedAtTheCpuLimit() {
        // a back-reference makes the regular expression engine backtrack: exponential in one statement
        ScriptRun r = run("return /^(a+)+\\1b$/.test('a'.repeat(40));", 0, new Recorder());
        assertThat(r.fault().get().code()).isEqualTo("script.Error");
        assertThat(r.fault().get().message()).contains("ACS_SCRIPT_MAX_CPU_MS");
        assertThat(value("2 + 2")).isEqualTo("4");
    }

    @Test
    void aRunawayAllocationIsStoppedAtTheMemoryLimit() {
        ScriptRun r = run("const a = []; for (let i = 0; i < 1e9; i++) a.push('x' + i); return a.length;", 0,
                new Recorder());
        assertThat(r.fault().get().code()).isEqualTo("script.Error");
        assertThat(r.fault().get().message()).containsAnyOf("ACS_SCRIPT_MAX_MEMORY_MB", "ACS_SCRIPT_MAX_STATEMENTS");
        ScriptRun big = run("return new Array(2 ** 31).fill(0).length;", 0, new Recorder());
        assertThat(big.fault()).isPresent();
        assertThat(value("3 + 3")).isEqualTo("6");
    }

    @Test
    void clearAndLogCountOnTheLastReplayOnly() {
        Recorder host = new Recorder();
        ScriptRun r = run("clear('Device', Date.now()); declare('A', {value: 1}).value;", 0, host);
        assertThat(r.status()).isEqualTo(ScriptRun.Status.COMMIT);
        assertThat(host.cleared).containsExactly("Device@" + SESSION.toEpochMilli());
    }

    @Test
    void aRunIsReplayedOnlyWhileEveryAnswerIsTheSame() {
        String script = "const v = declare('Device.Memo', {value: 1}).value[0]; log('saw ' + v);"
                + " declare('Device.Out', null, {value: v + '!'}); return v;";
        Recorder first = new Recorder();
        ScriptRun r1 = run(script, 1, first);
        assertThat(r1.returnValue()).contains("\"v:Device.Memo.1\"");
        long replays = engine.replays();
        Recorder same = new Recorder();
        ScriptRun r2 = run(script, 1, same);
        assertThat(engine.replays()).isEqualTo(replays + 1);
        assertThat(r2.returnValue()).isEqualTo(r1.returnValue());
        assertThat(r2.logs()).containsExactly("saw v:Device.Memo.1");
        assertThat(same.declared).isEqualTo(first.declared);
        // the value read differs: the script runs again and sees it
        Recorder changed = new Recorder();
        changed.prefix = "w:";
        ScriptRun r3 = run(script, 1, changed);
        assertThat(engine.replays()).isEqualTo(replays + 1);
        assertThat(r3.returnValue()).contains("\"w:Device.Memo.1\"");
        assertThat(changed.declared).containsExactly("Device.Memo {value=1.0} {}",
                "Device.Out {} {value=w:Device.Memo.1!}");
    }

    @Test
    void aSyntaxErrorIsAFault() {
        ScriptRun r = run("let = ;", 0, new Recorder());
        assertThat(r.fault().get().code()).isEqualTo("script.SyntaxError");
    }
}
