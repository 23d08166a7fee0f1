/** The parser accepts what libxlutil accepts and says what is wrong where xl would. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { problem } from '../../helpers/languageTester';
import { problems, xl } from './helpers';

/** The parser's own errors, as a user reads them. */
const syntaxOnly = (text: string) => xl.parse(text).syntaxErrors.map(problem);

describe('xl-config parser: what libxlutil accepts', () => {
  it('reads strings, numbers, lists over several lines with a trailing comma, and comments', () => {
    const doc = xl.parse('name = "web" # the name\nmemory = 0x200\ndisk = [\n  "a",\n  \'b\',\n]\ncpus = [["1", "2"], "3"]\n');
    assert.deepEqual(doc.syntaxErrors, []);
    assert.deepEqual(
      doc.settings.map((s) => [s.key.name, s.value?.kind]),
      [['name', 'string'], ['memory', 'number'], ['disk', 'list'], ['cpus', 'list']],
    );
  });

  it('accepts `+=` (append) and `;` between settings, and a last line without a newline', () => {
    const doc = xl.parse('extra = "console=hvc0"\nextra += " quiet"; memory = 64; vcpus = 2');
    assert.deepEqual(doc.syntaxErrors, []);
    assert.deepEqual(doc.settings.map((s) => `${s.key.name}${s.operator}`), ['extra=', 'extra+=', 'memory=', 'vcpus=']);
  });

  it('decodes the escapes libxlu knows, and rejects \\x and unknown escapes as xl does', () => {
    assert.equal((xl.parse('a = "tab\\there \\"q\\" it\\\'s"\n').settings[0].value as { value: string }).value, 'tab\there "q" it\'s');
    assert.deepEqual(syntaxOnly('a = "\\x41"\n'), ['1:5-11 error xl/syntax `\\x` escape in "\\x41": xl\'s parser rejects hexadecimal escapes; write the character itself']);
    // Upstream's octal escape reads three characters with strtoul: `\0-29` passes, `\12` does not.
    assert.deepEqual(syntaxOnly('ramdisk = "/boot/initrd.img-5.0.\\0-29-generic"\n'), []);
    assert.deepEqual(syntaxOnly('a = "\\12"\n'), ['1:5-10 error xl/syntax octal escape in "\\12": xl needs three digits (like \\101); write the character itself']);
    assert.deepEqual(syntaxOnly('a = "C:\\dir"\n'), ['1:5-13 error xl/syntax unknown escape `\\d` in "C:\\dir": xl knows \\" \\\' \\\\ \\n \\t \\r \\a \\b \\f \\v; write \\\\ for a backslash']);
  });

  it('rejects bare words, upper case, negative numbers and decimals where xl does', () => {
    assert.deepEqual(syntaxOnly('on_crash = restart\n'), ['1:12-19 error xl/syntax `restart` is not a value: quote it ("restart") or write a number']);
    assert.deepEqual(syntaxOnly('Memory = 64\n'), ['1:1-7 error xl/syntax `Memory`: setting names are lower case, and words must be quoted as strings ("Memory")']);
    assert.deepEqual(syntaxOnly('rtc_timeoffset = -3600\n'), ['1:18-23 error xl/syntax `-3600`: xl has no negative numbers or arithmetic; write the value as a plain number or a quoted string']);
  });

  it('reports a string not closed on its line, a missing value, a missing `]`, and two settings on one line', () => {
    assert.deepEqual(syntaxOnly('name = "web\nmemory = 64\n'), ['1:8-12 error xl/syntax string `"web` is not closed on its line: add the closing " (strings cannot span lines)']);
    assert.deepEqual(syntaxOnly('memory =\nvcpus = 2\n'), ["1:8-9 error xl/syntax missing value after '=': expected a quoted string, a number or a [ list ]"]);
    assert.deepEqual(syntaxOnly('disk = [ "a",\nname = "x"\n'), ["2:1-5 error xl/syntax the list opened at line 1 is not closed: add ']'"]);
    assert.deepEqual(syntaxOnly('memory = 64 vcpus = 2\n'), ["1:13-18 error xl/syntax unexpected word `vcpus` after the value of `memory`: one setting per line (or separate them with ';')"]);
  });

  it('says once that Windows line endings are rejected', () => {
    assert.deepEqual(syntaxOnly('name = "a"\r\nmemory = 64\r\n'), ['1:11-11 error xl/syntax carriage return (Windows line ending): xl rejects it; save the file with Unix (LF) line endings']);
  });

  it('rejects a comment on the last line without a line break (libxlu needs the newline)', () => {
    assert.deepEqual(syntaxOnly('name = "a"\n# end'), ['2:1-2 error xl/syntax comment at the very end of the file without a line break: xl rejects it; end the file with a newline']);
  });
});

describe('xl-config parser: Python that only xm could read', () => {
  const pythonMessage = (construct: string) => `${construct}: this is Python that only xm could read (xm ran domain configs as Python); xl reads only \`key = value\` settings with quoted strings, numbers and [ lists ]`;

  it('names import, if/else, function calls and arithmetic', () => {
    const text = "import os, re\narch = os.uname()[4]\nif re.search('64', arch):\n    arch_libdir = 'lib64'\nelse:\n    arch_libdir = 'lib'\nmemory = 128 * 2\n";
    assert.deepEqual(syntaxOnly(text), [
      `1:8-10 error xl/python ${pythonMessage('`import os` is a Python import')}`,
      `2:16-21 error xl/python ${pythonMessage('`os.uname(…)` is a Python function call')}`,
      `3:13-19 error xl/python ${pythonMessage('`if` is a Python statement')}`,
      `5:5-6 error xl/python ${pythonMessage('`else` is a Python statement')}`,
      `7:14-15 error xl/python ${pythonMessage('Python arithmetic or string concatenation')}`,
    ]);
  });

  it('reports a triple-quoted string once, at its opening quotes', () => {
    assert.deepEqual(syntaxOnly('"""\nA domain for testing.\n"""\nname = "t"\n'), [`1:1-4 error xl/python ${pythonMessage('a Python triple-quoted string')}`]);
  });

  it('with the xm toolstack, Python is information, not an error', () => {
    assert.deepEqual(problems('import os\nname = "t"\n', { settings: { xen: { toolstack: 'xm' } } }), ['1:8-10 info xl/python `import os` is a Python import: xm runs this as Python (not checked here); xl could not read this file']);
  });
});

describe('xl-config parser: tolerance', () => {
  it('keeps every setting around a broken line', () => {
    const doc = xl.parse('name = "a"\nmemory = = 3\nvif = [ "mac=00:16:3e:00:00:01" ]\ndisk = [ "x",\nvcpus = 2\n');
    assert.deepEqual(doc.settings.map((s) => s.key.name), ['name', 'memory', 'vif', 'disk', 'vcpus']);
    assert.equal(doc.syntaxErrors.length, 2);
  });

  it('still validates the settings after a broken line', () => {
    assert.deepEqual(problems('name = "a"\nkernel = "/k"\nmemory = = 3\nmemroy = 64\n'), [
      "3:10-11 error xl/syntax unexpected '=' after '=': expected a quoted string, a number or a [ list ]",
      "4:1-7 warning xl/unknown-key unknown setting `memroy`: xl silently ignores it; did you mean 'memory'?",
    ]);
  });
});
