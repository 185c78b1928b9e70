import { rankFiles } from '../../src/rank/index.js';
import { SMALL_DIRECTORY_FILES, siblingSignal } from '../../src/rank/signal-sibling.js';
import { sourceAt } from '../helpers/source-file.js';

describe('sibling signal', () => {
  it('gives the other code files of a best match its share, none in large directories, never the seed itself', () => {
    const big = Array.from({ length: 4 * SMALL_DIRECTORY_FILES }, (_, index) => sourceAt(`big/f${index}.go`, 'package big\n'));
    const files = [sourceAt('sd/puppet.go', 'package sd\n'), sourceAt('sd/resources.go', 'package sd\n'), sourceAt('sd/README.md', '# sd\n'), ...big];
    const sibling = siblingSignal(files, new Map([['sd/puppet.go', 0.8], ['big/f0.go', 1]]));
    expect(sibling.get('sd/resources.go')).toEqual({ score: 0.8, seed: 'sd/puppet.go', reasons: ['beside sd/puppet.go'] });
    expect(sibling.has('sd/puppet.go')).toBe(false);
    expect(sibling.has('sd/README.md')).toBe(false);
    expect(sibling.has('big/f1.go')).toBe(false);
  });

  it('lifts a small file beside the best match above files elsewhere that share as many words', () => {
    const files = [
      sourceAt('discovery/puppetdb/puppetdb.go', 'package puppetdb\n// PuppetDB service discovery of labels\nfunc NewDiscovery() {}\n'),
      sourceAt('discovery/puppetdb/resources.go', 'package puppetdb\ntype Resource struct { Labels map[string]string }\n'),
      sourceAt('discovery/consul/consul.go', 'package consul\ntype Resource struct { Labels map[string]string }\n'),
    ];
    const ranked = rankFiles(files, { focus: 'Support numerical labels in PuppetDB service discovery' }).map((entry) => entry.file.path);
    expect(ranked.indexOf('discovery/puppetdb/resources.go')).toBeLessThan(ranked.indexOf('discovery/consul/consul.go'));
  });
});
