import { describe, expect, it } from 'vitest';
import { newProject } from '../project/newProject';
import { serializeProject } from '../project/parseProject';
import { templateById } from '../templates/projectTemplates';
import { ModelTextError, readModelText } from './readModelText';

const failure = (text: string): string => {
  try {
    readModelText(text);
  } catch (e) {
    expect(e).toBeInstanceOf(ModelTextError);
    return (e as Error).message;
  }
  throw new Error('expected a ModelTextError');
};

describe('readModelText', () => {
  it('reads a project file and a bare Keras topology', () => {
    const graph = templateById('cnn-valid')?.project.graph;
    if (!graph) throw new Error('template missing');
    const project = readModelText(serializeProject(newProject('Digits', graph)));
    expect(project).toMatchObject({ name: 'Digits', source: 'project', classes: 10 });
    expect(project.graph).toEqual(graph);
    const keras = readModelText(
      JSON.stringify({
        class_name: 'Sequential',
        config: {
          name: 'tiny',
          layers: [
            { class_name: 'Dense', config: { name: 'd', units: 2, batch_input_shape: [null, 3] } },
          ],
        },
      }),
    );
    expect(keras).toMatchObject({ name: 'tiny', source: 'keras' });
    expect(keras.graph.nodes.map((n) => n.type)).toEqual(['InputLayer', 'Dense']);
  });

  it.each([
    ['empty', ' \n', 'the file is empty'],
    ['truncated', '{\n  "class_name": "Sequential",\n  "config": {', 'not valid JSON'],
    ['not JSON', 'hello', 'not valid JSON: Unexpected token'],
    ['long text, not JSON', 'model: cnn\nlayers: 3\n', 'not valid JSON: Unexpected token'],
    [
      'a stray comma',
      '{\n  "a": 1,\n}',
      'not valid JSON at line 3, column 1: Expected double-quoted property name',
    ],
    ['neither format', '{"weights": []}', 'neither a NetCanvas project'],
    [
      'a project with a wrong field',
      '{"format": "netcanvas-project", "version": 1, "name": 3}',
      'name: ',
    ],
  ])('%s: one clear line', (_title, text, start) => {
    const message = failure(text);
    expect(message.startsWith(start), message).toBe(true);
    expect(message).not.toContain('\n');
  });

  it('never quotes the text of a file that is not JSON (it may be any file, through a link)', () => {
    const message = failure(
      'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1::/usr/sbin:/usr/sbin/nologin\n',
    );
    expect(message).toBe('not valid JSON: Unexpected token');
    expect(failure('{"a": 1} secret words')).toBe(
      'not valid JSON at line 1, column 10: Unexpected non-whitespace character after JSON',
    );
  });

  it('cuts a message made from a megabyte-long value to about 300 characters', () => {
    const message = failure(
      JSON.stringify({ format: 'netcanvas-project', version: 1, name: 'n'.repeat(1_000_000) }),
    );
    expect(message.length).toBeLessThanOrEqual(300);
    expect(message).toMatch(/^name: /);
  });

  it('says a cut-off file looks truncated', () => {
    expect(failure('{"class_name": "Sequential", "config": {"layers": [')).toMatch(/truncated/);
  });

  it('refuses 8 million nested arrays before parsing them, in well under a second', () => {
    const text = `${'['.repeat(8_000_000)}${']'.repeat(8_000_000)}`;
    const started = Date.now();
    expect(failure(text)).toBe(
      'the JSON nests deeper than 64 levels (at line 1, column 65); no model or project file does that',
    );
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('does not count brackets inside names', () => {
    const name = `odd${'['.repeat(100)}\\"`;
    const model = readModelText(
      JSON.stringify({
        class_name: 'Sequential',
        config: {
          name,
          layers: [
            { class_name: 'Dense', config: { name: 'd', units: 2, batch_input_shape: [null, 3] } },
          ],
        },
      }),
    );
    expect(model.name).toBe(name);
  });

  it('refuses 100,000 nested arrays quickly, without overflowing the stack', () => {
    const started = Date.now();
    expect(failure(`${'['.repeat(100_000)}${']'.repeat(100_000)}`)).toMatch(/nests/);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
