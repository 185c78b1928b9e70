/** The bench's `repopack snapshot` rows: warm runs reuse the priming run's snapshot, and they are not a ratio side. */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const SCRIPTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../scripts');

interface Tool {
  name: string;
  coldArgs: string[];
  needsGit?: boolean;
  compared?: boolean;
  argsFor(target: string, output: string): string[];
}
interface ToolsModule {
  snapshotTool(repopack: { bin: string }, budget: string): Tool;
}
interface TableModule {
  formatTable(targets: unknown[]): string;
}

const load = async <T>(name: string): Promise<T> => (await import(path.join(SCRIPTS, name))) as T;

describe('bench snapshot rows', () => {
  it('snapshots the target into the output even with nothing staged; cold runs pack with --force; git targets only', async () => {
    const { snapshotTool } = await load<ToolsModule>('bench-tools.mjs');
    const tool = snapshotTool({ bin: 'bin/repopack.js' }, '32k');
    expect(tool.argsFor('/repo', '/out/s.xml')).toEqual(['snapshot', '/repo', '--always', '--strict', '--budget', '32k', '--quiet', '-o', '/out/s.xml']);
    expect(tool.coldArgs).toEqual(['--force']);
    expect(tool).toMatchObject({ name: 'snapshot', needsGit: true, compared: false });
  });

  it('prints snapshot cold and warm rows and keeps the ratio rows to repopack/Repomix', async () => {
    const table = await load<TableModule>('bench-table.mjs');
    const summary = (wallMs: number) => ({ wallMs, cpuMs: wallMs / 2, peakRssKiB: 102_400 });
    const output = { bytes: 1_000, tokens: 250 };
    const tools = [
      { name: 'repopack', cold: summary(1_000), warm: summary(500), output },
      { name: 'snapshot', compared: false, cold: summary(1_200), warm: summary(300), output },
    ];
    const text = table.formatTable([{ label: 'demo', files: 10, tools }]);
    expect(text).toMatch(/^demo\s+10\s+snapshot\s+warm\s+0\.30\s+0\.15\s/m);
    expect(text).not.toContain('repopack/snapshot');
    const withRepomix = [tools[0], { name: 'Repomix', cold: summary(4_000), warm: summary(2_000), output }, tools[1]];
    expect(table.formatTable([{ label: 'demo', files: 10, tools: withRepomix }])).toMatch(/repopack\/Repomix\s+warm\s+0\.25x/);
  });
});
