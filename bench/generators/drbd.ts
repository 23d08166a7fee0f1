/**
 * A large drbd.conf: `sizeHint` resources (the wanted size is 500) on a
 * two-node cluster, each with its own minor, backing LV and port, in the
 * 8.4 style with common defaults, some dual-primary with fencing, some with
 * two volumes.
 */
function resource(index: number): string {
  const port = 7789 + index;
  const dualPrimary = index % 5 === 0;
  const volumes = index % 7 === 0 ? 2 : 1;
  const minor = (volume: number) => index * 2 + volume;
  const volumeBlocks = Array.from({ length: volumes }, (_, v) => [
    `    volume ${v} {`,
    `        device    /dev/drbd${minor(v)} minor ${minor(v)};`,
    `        disk      /dev/vg_drbd/r${index}_v${v};`,
    '        meta-disk internal;',
    '    }',
  ]).flat();
  return [
    `resource r${index} {`,
    ...volumeBlocks,
    '    net {',
    '        protocol C;',
    ...(dualPrimary ? ['        allow-two-primaries;', '        after-sb-0pri discard-zero-changes;', '        after-sb-1pri discard-secondary;', '        after-sb-2pri disconnect;'] : []),
    '    }',
    '    disk {',
    `        resync-rate ${10 + (index % 90)}M;`,
    ...(dualPrimary ? ['        fencing resource-and-stonith;'] : []),
    '    }',
    ...(dualPrimary ? ['    handlers {', '        fence-peer "/usr/lib/drbd/rhcs_fence";', '    }', '    startup {', '        become-primary-on both;', '    }'] : []),
    '    on an-node01.alteeve.com {',
    `        address 192.168.2.71:${port};`,
    '    }',
    '    on an-node02.alteeve.com {',
    `        address 192.168.2.72:${port};`,
    '    }',
    '}',
    '',
  ].join('\n');
}

export function generate(sizeHint: number): { path: string; text: string } {
  const header = [
    '# Generated: every resource of a large two-node DRBD 8.4 cluster in one file.',
    'global {',
    '    usage-count no;',
    '}',
    'common {',
    '    startup {',
    '        wfc-timeout 300;',
    '    }',
    '}',
    '',
  ].join('\n');
  const resources = Array.from({ length: Math.max(1, sizeHint) }, (_, i) => resource(i));
  return { path: '/etc/drbd.d/all.res', text: header + resources.join('\n') };
}
