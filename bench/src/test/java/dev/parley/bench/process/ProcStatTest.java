package dev.parley.bench.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcStatTest {

    @Test
    void thisJvmsTimeIsWhatTheJdkReports() {
        long pid = ProcessHandle.current().pid();
        long jdk = ProcessHandle.current().info().totalCpuDuration().orElseThrow().toNanos();
        long proc = ProcStat.cpuNanos(pid).orElseThrow();
        // both read /proc/<pid>/stat; the JDK's reading came first, and ticks are 10 ms
        assertThat(proc).isGreaterThanOrEqualTo(jdk - ProcStat.TICK_NANOS);
        assertThat(ProcStat.parent(pid)).isEqualTo(ProcessHandle.current().parent().orElseThrow().pid());
    }

    @Test
    void aProcessThatIsGoneHasNoTime() {
        assertThat(ProcStat.cpuNanos(Long.MAX_VALUE)).isEmpty();
        assertThat(ProcStat.parent(Long.MAX_VALUE)).isEqualTo(-1);
    }

    @Test
    void findsItsOwnChildByEnvironment() throws Exception {
        Process child = new ProcessBuilder("sleep", "30").start();
        try {
            child.toHandle().info();
            assertThat(ProcStat.children(ProcessHandle.current().pid())).contains(child.pid());
            assertThat(ProcStat.environmentHas(child.pid(), "NO_SUCH_VARIABLE=x")).isFalse();
        } finally {
            child.destroyForcibly();
        }
    }
}
