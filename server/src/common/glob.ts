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
