import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { runCli } from '../helpers/run-cli.js';
import { fakeXclip, useOutputFixture } from './output-helpers.js';

const fixture = useOutputFixture();

describe('--copy', () => {
  it('puts the bundle on the clipboard through xclip, not on stdout; exit 0', async () => {
    const fakeBin = join(fixture.bin, 'with-xclip');
    const clip = join(fixture.bin, 'clip-1.txt');
    await fakeXclip(fakeBin, clip);
    const run = await runCli([fixture.repo.root, '--copy'], { env: { PATH: `${fakeBin}:${fixture.bin}` } });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('copied to the clipboard (xclip)');
    const copied = await readFile(clip, 'utf8');
    expect(XMLValidator.validate(copied)).toBe(true);
    expect(copied).toContain('export function greet');
  });

  it('with -o writes the file and copies the same bytes', async () => {
    const fakeBin = join(fixture.bin, 'with-xclip');
    const clip = join(fixture.bin, 'clip-2.txt');
    await fakeXclip(fakeBin, clip);
    const out = join(fixture.bin, 'out.xml');
    const run = await runCli([fixture.repo.root, '--copy', '-o', out], { env: { PATH: `${fakeBin}:${fixture.bin}` } });
    expect(run.code).toBe(0);
    expect(await readFile(clip, 'utf8')).toBe(await readFile(out, 'utf8'));
  });

  it('without a clipboard command: clear error, the bundle still on stdout, exit 1', async () => {
    const run = await runCli([fixture.repo.root, '--copy'], { env: { PATH: fixture.bin } });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('--copy: no clipboard command found on PATH');
    expect(run.stderr).toContain('xclip');
    expect(XMLValidator.validate(run.stdout)).toBe(true);
    expect(run.stdout).toContain('export function greet');
  });

  it('a failing clipboard command is reported with its exit code; -o still written, exit 1', async () => {
    const broken = join(fixture.bin, 'broken');
    await mkdir(broken, { recursive: true });
    await writeFile(join(broken, 'xclip'), '#!/bin/sh\necho "Error: Can\'t open display" >&2\nexit 1\n');
    await chmod(join(broken, 'xclip'), 0o755);
    const out = join(fixture.bin, 'broken.xml');
    const run = await runCli([fixture.repo.root, '--copy', '-o', out, '--quiet'], { env: { PATH: `${broken}:${fixture.bin}` } });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("xclip (exit 1: Error: Can't open display)");
    expect(run.stdout).toBe('');
    expect(await readFile(out, 'utf8')).toContain('<repository');
  });
});
