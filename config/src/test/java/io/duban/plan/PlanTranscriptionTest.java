package io.duban.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.duban.config.ConfigDirectory;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shipped 2023 plan against the seed document's 任务分解表, task by task. */
class PlanTranscriptionTest {
    static ConfigDirectory config;
    static WorkPlan plan;

    @BeforeAll
    static void load() {
        config = ConfigDirectory.load(Path.of("../config"), name -> null);
        plan = config.plans().get(2023);
    }

    @Test
    void givenTheSeed_thePlanHas6AreasAnd19TasksInTheDocumentsPeriod() {
        assertThat(plan.areas()).extracting(PlanArea::name).containsExactly(
                "组织领导方面", "智力帮扶方面", "助力乡村振兴方面", "消费协作方面", "交往交流交融方面", "宣传引导方面");
        assertThat(plan.areas()).extracting(a -> a.tasks().size()).containsExactly(5, 6, 3, 2, 2, 1);
        assertThat(plan.tasks()).extracting(PlanTask::number)
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19);
        assertThat(plan.start()).isEqualTo(LocalDate.of(2023, 7, 28));
        assertThat(plan.deadline()).isEqualTo(LocalDate.of(2023, 12, 31));
        assertThat(plan.document()).isEqualTo("闵农业农村委〔2023〕42号");
        assertThat(plan.tasks()).allSatisfy(t -> assertThat(t.deadline()).isEqualTo(LocalDate.of(2023, 12, 31)));
    }

    @ParameterizedTest(name = "task {0}")
    @CsvSource(delimiter = '|', value = {
        "1|1|办公室|各相关科室 委属单位|在党组会、主任办公会上审议相关议题",
        "2|1|办公室|各相关科室 委属单位|根据上级工作要求，有计划安排委领导率队",
        "3|1|办公室|各相关科室 委属单位|各相关部门落实主体责任",
        "4|1|办公室|各相关科室 委属单位|按照“早启动、早实施、早完成”工作要求",
        "5|1|办公室|各相关科室 委属单位|按照区级要求，各责任部门报送推进进度。办公室负责汇总、核查、上报数据",
        "6|2|党群科|各相关科室 委属单位|根据要求组织做好挂职干部的选派工作",
        "7|2|党群科|执法大队 农技中心 农安中心 疫控中心|加强援外干部人才日常教育管理",
        "8|2|党群科|援外干部|各前方援外干部要全面贯彻落实",
        "9|2|党群科|各相关科室 委属单位|跨前服务指导",
        "10|2|党群科|各相关科室 委属单位|积极协调配合，做好来沪农村致富带头人",
        "11|2|办公室|各相关科室 委属单位|发挥乡村振兴专家工作站的作用",
        "12|3|农管科 集指科|农技中心 农安中心 疫控中心 农经站|紧密结合对口帮扶地区农业产业规划",
        "13|3|办公室|农管科 集指科 执法大队|积极推进两地合作共建",
        "14|3|农发科|三农中心|将“和”与“美”作为核心",
        "15|4|农管科|农技中心|结合农民丰收节、地产农产品进社区",
        "16|4|委工会|各基层工会|结合元旦、春节、中秋、国庆等节假日",
        "17|5|党群科|各基层党支部|依托对口帮扶地区景点优惠政策和红色旅游资源",
        "18|5|办公室 党群科|各相关科室 委属单位|依托两地资源和工作需要，深化经验交流",
        "19|6|办公室 党群科|各相关科室 委属单位|依托“闵行三农”微信公众号",
    })
    void eachTask_matchesTheSeedTable(int number, int area, String lead, String responsible, String textStart) {
        PlanTask task = plan.task(number).orElseThrow();
        assertThat(task.areaNumber()).isEqualTo(area);
        assertThat(task.leadUnits()).containsExactly(lead.split(" "));
        assertThat(task.responsibleUnits()).containsExactly(responsible.split(" "));
        assertThat(task.text()).startsWith(textStart);
    }

    @Test
    void task17_carriesTheFifteenPercentTarget() {
        Kpi kpi = plan.task(17).orElseThrow().kpi().orElseThrow();
        assertThat(kpi.targetPercent()).isEqualTo(15.0);
        assertThat(kpi.numeratorLabel()).isEqualTo("援滇人数");
        assertThat(kpi.denominatorLabel()).isEqualTo("疗休养总人数");
        assertThat(plan.tasks()).filteredOn(t -> t.kpi().isPresent()).hasSize(1);
    }

    @Test
    void unitGroups_expandIntoRealUnits_leadFirstWithoutRepeats() {
        Organization org = config.organization();
        assertThat(org.assignedUnits(plan.task(1).orElseThrow())).containsExactly(
                "办公室", "党群科", "农管科", "集指科", "农发科", "执法大队", "农技中心", "农安中心", "疫控中心", "农经站", "三农中心");
        assertThat(org.assignedUnits(plan.task(16).orElseThrow())).containsExactly("委工会", "机关工会", "事业单位工会");
        assertThat(org.assignedUnits(plan.task(17).orElseThrow())).containsExactly("党群科", "机关党支部", "事业单位党支部");
        assertThat(org.expand(List.of("委属各单位"))).hasSize(6);
        assertThat(org.groups()).containsKeys("各相关科室", "委属单位", "委属各单位", "各基层工会", "各基层党支部");
        assertThat(Map.of("t12", org.isLead(plan.task(12).orElseThrow(), "集指科"))).containsEntry("t12", true);
    }

    @Test
    void theDemoRoster_hasAContactForEveryUnit_twoLeadersAndAnAdmin() {
        var people = config.roster().people();
        for (String unit : config.organization().units()) {
            assertThat(people).as("contact of " + unit)
                    .anyMatch(p -> p.unit().equals(unit) && p.role() == io.duban.roster.Role.CONTACT);
        }
        assertThat(people).filteredOn(p -> p.role() == io.duban.roster.Role.LEADER).hasSize(2);
        assertThat(people).filteredOn(p -> p.role() == io.duban.roster.Role.ADMIN).hasSize(1);
        assertThat(config.roster().chats()).filteredOn(c -> c.kind() == io.duban.roster.ChatKind.LEADERS).hasSize(1);
    }
}
