/**
 * Minimal glob matching for file patterns in the style VS Code uses for
 * `filenamePatterns`: `**` crosses folders, `*` and `?` stay within one path
 * segment. A pattern without `/` matches the base name only. Any character
 * but `/` may be in a name, a newline included (hence the `s` flag).
 */
export function globToRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '*' && pattern[i + 1] === '*') {
      // "**/" matches zero or more whole folders; a trailing "**" anything.
      if (pattern[i + 2] === '/') {
        source += '(?:.*/)?';
        i += 2;
      } else {
        source += '.*';
        i += 1;
      }
    } else if (ch === '*') {
      source += '[^/]*';
    } else if (ch === '?') {
      source += '[^/]';
    } else {
      source += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
  }
  return new RegExp(`^${source}$`, 's');
}

export function matchesGlob(path: string, pattern: string): boolean {
  const normalized = path.replace(/\\/g, '/');
  const subject = pattern.includes('/') ? normalized : normalized.slice(normalized.lastIndexOf('/') + 1);
  return globToRegExp(pattern).test(subject);
}

/**
 * A matcher for one path segment with `*` (any run of characters) and `?`
 * (one character), everything else literal: how drbdadm's include patterns
 * name files. It does not go through a regular expression: `*a*a*a…b`
 * against a long name of `a`s makes a backtracking engine try every way to
 * split the name, while this walk keeps only the last `*` to fall back to,
 * so a test costs at most the pattern's length times the name's.
 */
export function segmentMatcher(pattern: string): { test(name: string): boolean } {
  return {
    test(name: string): boolean {
      let p = 0;
      let n = 0;
      let star = -1;
      let resume = 0;
      while (n < name.length) {
        if (p < pattern.length && (pattern[p] === '?' || (pattern[p] !== '*' && pattern[p] === name[n])) && name[n] !== '/') {
          p++;
          n++;
        } else if (p < pattern.length && pattern[p] === '*') {
          star = p++;
          resume = n;
        } else if (star >= 0 && name[resume] !== '/') {
          p = star + 1;
          n = ++resume;
        } else {
          return false;
        }
      }
      while (pattern[p] === '*') p++;
      return p === pattern.length;
    },
  };
}
