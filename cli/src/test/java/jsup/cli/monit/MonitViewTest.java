package jsup.cli.monit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MonitViewTest {

    static AppRow app(int id, String name, String status) {
        return new AppRow(id, name, "default", status, status.equals("online") ? 100 + id : 0, 5000, 0, 1.5,
                50L << 20, 0, "none", false, null, -1, null, null, List.of());
    }

    private final MonitView view = new MonitView();

    MonitViewTest() {
        view.update(List.of(app(0, "web", "online"), app(1, "worker", "stopped"), app(2, "bot", "online")));
    }

    @Test
    void selectsTheFirstAppAndMovesWithArrowsWithinBounds() {
        assertThat(view.selected()).map(AppRow::name).contains("web");
        view.onKey(Key.of(Key.Kind.UP));
        assertThat(view.selectedIndex()).isZero();
        view.onKey(Key.of(Key.Kind.DOWN));
        view.onKey(Key.ch('j'));
        view.onKey(Key.of(Key.Kind.DOWN));
        assertThat(view.selected()).map(AppRow::name).contains("bot");
        view.onKey(Key.ch('k'));
        assertThat(view.selected()).map(AppRow::name).contains("worker");
    }

    @Test
    void theSelectionFollowsItsAppWhenTheListChanges() {
        view.onKey(Key.of(Key.Kind.DOWN));
        view.update(List.of(app(3, "new", "online"), app(0, "web", "online"), app(1, "worker", "stopped")));
        assertThat(view.selected()).map(AppRow::name).contains("worker");
        view.update(List.of(app(0, "web", "online")));
        assertThat(view.selected()).map(AppRow::name).contains("web");
    }

    @Test
    void rRestartsAndSStopsARunningAppOrStartsAStoppedOne() {
        assertThat(view.onKey(Key.ch('r'))).contains(new MonitAction(MonitAction.Kind.RESTART, "web"));
        assertThat(view.onKey(Key.ch('s'))).contains(new MonitAction(MonitAction.Kind.STOP, "web"));
        view.onKey(Key.of(Key.Kind.DOWN));
        assertThat(view.onKey(Key.ch('s'))).contains(new MonitAction(MonitAction.Kind.START, "worker"));
    }

    @Test
    void qAndCtrlCQuitFromEveryMode() {
        assertThat(view.onKey(Key.ch('q'))).map(MonitAction::kind).contains(MonitAction.Kind.QUIT);
        view.onKey(Key.ch('l'));
        assertThat(view.mode()).isEqualTo(MonitView.Mode.LOGS);
        assertThat(view.onKey(Key.ch('q'))).map(MonitAction::kind).contains(MonitAction.Kind.QUIT);
        view.onKey(Key.of(Key.Kind.ESCAPE));
        view.onKey(Key.ch('/'));
        assertThat(view.onKey(Key.ch('q'))).isEmpty(); // typed into the filter
        assertThat(view.onKey(Key.of(Key.Kind.INTERRUPT))).map(MonitAction::kind).contains(MonitAction.Kind.QUIT);
    }

    @Test
    void theFilterNarrowsTheAppsAsItIsTypedEnterKeepsItEscClearsIt() {
        view.onKey(Key.ch('/'));
        assertThat(view.mode()).isEqualTo(MonitView.Mode.FILTER);
        view.onKey(Key.ch('w'));
        assertThat(view.shown()).extracting(AppRow::name).containsExactly("web", "worker");
        view.onKey(Key.ch('o'));
        view.onKey(Key.ch('x'));
        assertThat(view.shown()).isEmpty();
        assertThat(view.selected()).isEmpty();
        assertThat(view.onKey(Key.ch('r'))).isEmpty(); // typed, not a restart
        assertThat(view.filter()).isEqualTo("woxr");
        view.onKey(Key.of(Key.Kind.BACKSPACE));
        view.onKey(Key.of(Key.Kind.BACKSPACE));
        assertThat(view.shown()).extracting(AppRow::name).containsExactly("worker");
        assertThat(view.selected()).map(AppRow::name).contains("worker");
        view.onKey(Key.of(Key.Kind.ENTER));
        assertThat(view.mode()).isEqualTo(MonitView.Mode.TABLE);
        assertThat(view.filter()).isEqualTo("wo");
        assertThat(view.onKey(Key.ch('r'))).contains(new MonitAction(MonitAction.Kind.RESTART, "worker"));
        view.onKey(Key.of(Key.Kind.ESCAPE));
        assertThat(view.shown()).hasSize(3);
    }

    @Test
    void logsOpenForTheSelectedAppAndLOrEscCloseThem() {
        view.onKey(Key.ch('l'));
        assertThat(view.mode()).isEqualTo(MonitView.Mode.LOGS);
        view.onKey(Key.of(Key.Kind.DOWN));
        assertThat(view.selected()).map(AppRow::name).contains("worker");
        assertThat(view.onKey(Key.ch('l'))).isEqualTo(Optional.empty());
        assertThat(view.mode()).isEqualTo(MonitView.Mode.TABLE);
        view.onKey(Key.ch('l'));
        view.onKey(Key.of(Key.Kind.ESCAPE));
        assertThat(view.mode()).isEqualTo(MonitView.Mode.TABLE);
    }

    @Test
    void noAppsMeansNoSelectionAndNoAction() {
        MonitView empty = new MonitView();
        empty.update(List.of());
        empty.onKey(Key.of(Key.Kind.DOWN));
        assertThat(empty.selected()).isEmpty();
        assertThat(empty.onKey(Key.ch('s'))).isEmpty();
        empty.onKey(Key.ch('l'));
        assertThat(empty.mode()).isEqualTo(MonitView.Mode.TABLE);
    }
}
