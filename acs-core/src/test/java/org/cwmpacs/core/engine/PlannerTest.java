package org.cwmpacs.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.cwmpacs.core.device.ParameterAttributes;
import org.cwmpacs.soap.message.*;
import org.junit.jupiter.api.Test;

/** The planner without a CPE: which request comes next, and what a response does to the tree. */
class PlannerTest {
    private static final Instant OLD = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    private static Planner planner(Map<String, ParameterAttributes> nodes, CpeProfile profile) {
        return new Planner("dev", new DeviceTree(nodes), profile, () -> NOW);
    }

    private static ParameterAttributes leaf(Object value, Instant at) {
        return ParameterAttributes.NONE.withWritable(true).withValue(value, "xsd:string", at);
    }

    private static Map<String, ParameterAttributes> smallTree() {
        Map<String, ParameterAttributes> nodes = new TreeMap<>();
        nodes.put("", ParameterAttributes.NONE.withTimestamp(OLD));
        nodes.put("Device", ParameterAttributes.NONE.withObject(true));
        nodes.put("Device.A", ParameterAttributes.NONE.withObject(true));
        nodes.put("Device.A.X", leaf("x", OLD));
        nodes.put("Device.A.Y", leaf("y", OLD));
        nodes.put("Device.B", ParameterAttributes.NONE.withObject(true));
        nodes.put("Device.B.Z", leaf("z", OLD));
        return nodes;
    }

    @Test
    void aWholeTreeRefreshListsTheRootThenReadsItByPartialPath() {
        Planner p = planner(smallTree(), new CpeProfile(127));
        List<Declaration> work = new ArrayList<>(List.of(new Declaration.Fresh("", true, NOW)));
        GetParameterNames gpn = (GetParameterNames) p.next(work).orElseThrow();
        assertThat(gpn.parameterPath()).isEqualTo("Device.");
        assertThat(gpn.nextLevel()).isFalse();
        p.onResponse(new GetParameterNamesResponse(List.of(new ParameterInfoStruct("Device.", false),
                new ParameterInfoStruct("Device.A.", false), new ParameterInfoStruct("Device.A.X", true),
                new ParameterInfoStruct("Device.A.Y", true), new ParameterInfoStruct("Device.C.", false),
                new ParameterInfoStruct("Device.C.W", false))), work);
        assertThat(p.tree().exists("Device.B")).as("vanished from the CPE").isFalse();
        assertThat(p.tree().exists("Device.B.Z")).isFalse();
        GetParameterValues gpv = (GetParameterValues) p.next(work).orElseThrow();
        assertThat(gpv.parameterNames()).containsExactly("Device.");
        p.onResponse(new GetParameterValuesResponse(List.of(new ParameterValueStruct("Device.A.X", "1", "xsd:int"),
                new ParameterValueStruct("Device.A.Y", "y2", "xsd:string"),
                new ParameterValueStruct("Device.C.W", "true", "xsd:boolean"))), work);
        assertThat(p.next(work)).isEmpty();
        assertThat(p.tree().get("Device.A.X").flatMap(ParameterAttributes::value)).contains(1);
        assertThat(p.tree().get("Device.C.W").flatMap(ParameterAttributes::value)).contains(true);
        assertThat(p.tree().get("Device.C.W").flatMap(ParameterAttributes::writable)).contains(false);
    }

    @Test
    void aRefusedAnswerHalvesTheRequestAndTheRestIsFilledByName() {
        CpeProfile profile = new CpeProfile(127);
        Planner p = planner(smallTree(), profile);
        List<Declaration> work = new ArrayList<>(List.of(new Declaration.Fresh("Device", true, NOW)));
        p.next(work);
        p.onResponse(new GetParameterNamesResponse(List.of(new ParameterInfoStruct("Device.A.X", true),
                new ParameterInfoStruct("Device.A.Y", true), new ParameterInfoStruct("Device.B.Z", true))), work);
        assertThat(((GetParameterValues) p.next(work).orElseThrow()).parameterNames()).containsExactly("Device.");
        assertThat(p.onResponse(SoapFault.of(9004, "Resources exceeded"), work)).isInstanceOf(Planner.Applied.class);
        assertThat(profile.maxValues()).isEqualTo(2);
        List<String> first = ((GetParameterValues) p.next(work).orElseThrow()).parameterNames();
        assertThat(first).containsExactly("Device.A.");
    }

    @Test
    void onlyDifferingValuesAreSetAndTheTypeIsTheStoredOne() {
        Map<String, ParameterAttributes> nodes = smallTree();
        nodes.put("Device.A.N", ParameterAttributes.NONE.withWritable(true).withValue(5, "xsd:unsignedInt", OLD));
        Planner p = planner(nodes, new CpeProfile(127));
        List<Declaration> work = new ArrayList<>(List.of(new Declaration.Value("Device.A.X", "x", Optional.empty()),
                new Declaration.Value("Device.A.N", 7L, Optional.empty())));
        SetParameterValues spv = (SetParameterValues) p.next(work).orElseThrow();
        assertThat(spv.parameterList()).containsExactly(new ParameterValueStruct("Device.A.N", "7", "xsd:unsignedInt"));
        assertThat(p.onResponse(new SetParameterValuesResponse(0), work)).isInstanceOf(Planner.Applied.class);
        assertThat(p.next(work)).isEmpty();
        assertThat(work).isEmpty();
    }

    @Test
    void aWrongResponseIsInvalid() {
        Planner p = planner(smallTree(), new CpeProfile(127));
        List<Declaration> work = new ArrayList<>(List.of(new Declaration.Command(new Reboot("k"))));
        assertThat(p.next(work)).containsInstanceOf(Reboot.class);
        Planner.Outcome outcome = p.onResponse(new FactoryResetResponse(), work);
        assertThat(outcome).isInstanceOfSatisfying(Planner.Failed.class,
                f -> assertThat(f.code()).isEqualTo("invalid_response"));
    }

    @Test
    void unknownPathsAreLearnedLevelByLevelFromTheirKnownAncestor() {
        Map<String, ParameterAttributes> nodes = new TreeMap<>();
        nodes.put("Device", ParameterAttributes.NONE.withObject(true));
        nodes.put("Device.DeviceInfo", ParameterAttributes.NONE.withObject(true));
        nodes.put("Device.DeviceInfo.SoftwareVersion", leaf("1", OLD));
        Planner p = planner(nodes, new CpeProfile(127));
        List<Declaration> work = new ArrayList<>(List.of(new Declaration.Fresh("Device.DeviceInfo.UpTime", true, NOW),
                new Declaration.Fresh("Device.Gone.X", true, NOW)));
        GetParameterNames first = (GetParameterNames) p.next(work).orElseThrow();
        assertThat(first.parameterPath()).isEqualTo("Device.");
        assertThat(first.nextLevel()).isTrue();
        p.onResponse(new GetParameterNamesResponse(List.of(new ParameterInfoStruct("Device.DeviceInfo.", false))), work);
        assertThat(p.tree().exists("Device.DeviceInfo.SoftwareVersion")).as("a NextLevel listing keeps grandchildren")
                .isTrue();
        GetParameterNames second = (GetParameterNames) p.next(work).orElseThrow();
        assertThat(second.parameterPath()).isEqualTo("Device.DeviceInfo.");
        assertThat(second.nextLevel()).isTrue();
        p.onResponse(new GetParameterNamesResponse(List.of(new ParameterInfoStruct("Device.DeviceInfo.SoftwareVersion",
                false), new ParameterInfoStruct("Device.DeviceInfo.UpTime", false))), work);
        GetParameterValues gpv = (GetParameterValues) p.next(work).orElseThrow();
        assertThat(gpv.parameterNames()).containsExactly("Device.DeviceInfo.UpTime");
        p.onResponse(new GetParameterValuesResponse(List.of(new ParameterValueStruct("Device.DeviceInfo.UpTime", "9",
                "xsd:unsignedInt"))), work);
        assertThat(p.next(work)).as("Device.Gone is not on the CPE: nothing more to ask").isEmpty();
        assertThat(p.tree().get("Device.DeviceInfo.UpTime").flatMap(ParameterAttributes::value)).contains(9);
    }
}
