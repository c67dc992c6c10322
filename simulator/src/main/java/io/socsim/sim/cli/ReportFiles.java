package io.socsim.sim.cli;

import io.socsim.config.ConfigWriter;
import io.socsim.config.SocConfig;
import io.socsim.sim.OutputFile;
import io.socsim.sim.cluster.ClusterReport;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code --json FILE} of {@code run}: the report and, beside it, the fully resolved configuration
 * ({@code FILE} without {@code .json}, plus {@code .config.yaml}). Both are checked together
 * before the run starts. A report sent to a device ({@code /dev/stdout}) has no file beside it.
 */
record ReportFiles(OutputFile report, OutputFile config) {

    /** Checked output files for {@code --json json}, or null when no report was asked for. */
    static ReportFiles check(Path json) {
        if (json == null) {
            return null;
        }
        OutputFile report = OutputFile.check("--json", json);
        if (report.isDevice()) {
            return new ReportFiles(report, null);
        }
        Path yaml = json.resolveSibling(json.getFileName().toString().replaceFirst("\\.json$", "") + ".config.yaml");
        return new ReportFiles(report, OutputFile.check("configuration written beside --json", yaml));
    }

    /** The report first: if the configuration then cannot be written, the results are kept. */
    void write(Map<String, Object> reportMap, SocConfig soc) {
        ClusterReport.writeJson(reportMap, report);
        if (config != null) {
            config.write(ConfigWriter.toYaml(soc));
        }
    }
}
