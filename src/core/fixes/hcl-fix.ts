/** Fix operations on Terraform (HCL native syntax). JSON-syntax Terraform gets no automatic fix. */
import type { TextEdit } from '../findings/types';
import type { Block, Body, HclFile } from '../hcl/ast';
import type { FixOperation } from '../rules/condition-types';
import { nestedBlocks } from '../terraform';
import type { HclHandle } from '../subjects/terraform-scope';
import type { TerraformSubject } from '../subjects/terraform-subjects';
import { HclWriter, renderHclValue } from './hcl-writer';
import { FixNotApplicable, type FixTarget } from './build-fix';
import { SideTable } from '../util/side-table';

interface Place {
  block: Block;
  body: Body;
}

/** Follows nested blocks along `segments`; returns the deepest existing place and what is missing. */
function descend(start: Place, segments: string[]): { place: Place; missing: string[] } {
  let place = start;
  for (let i = 0; i < segments.length; i++) {
    const blocks = nestedBlocks(place.body, segments[i]);
    if (blocks.length === 0) return { place, missing: segments.slice(i) };
    if (blocks[0].dynamic) throw new FixNotApplicable('the block is written by a dynamic block');
    place = { block: blocks[0].block, body: blocks[0].body };
  }
  return { place, missing: [] };
}

function nestedText(writer: HclWriter, blocks: string[], innerLines: string[]): string[] {
  if (blocks.length === 0) return innerLines;
  const [head, ...rest] = blocks;
  const inner = nestedText(writer, rest, innerLines).map((l) => (l === '' ? '' : writer.unit + l));
  return [`${head} {`, ...inner, '}'];
}

/**
 * One writer per parsed file: building one indexes every line of the file, and a module with
 * thousands of failing resources in one file asks for a fix per resource (that was quadratic:
 * 4,000 buckets in one file took 13 s).
 */
const writers = new SideTable<HclFile, HclWriter>('HCL writer');

function writerFor(file: string, parsed: HclFile): HclWriter {
  let writer = writers.get(parsed);
  if (!writer || writer.file !== file) {
    writer = new HclWriter(file, parsed.text);
    writers.set(parsed, writer);
  }
  return writer;
}

export function hclEdits(op: FixOperation, target: FixTarget): TextEdit[] {
  const handle = target.scope.handle as HclHandle;
  if (handle.dynamic) throw new FixNotApplicable('the block is written by a dynamic block');
  const parsed = handle.module.files.find((f) => f.path === handle.file)?.parsed;
  if (!parsed || parsed.syntax !== 'native') throw new FixNotApplicable('only native HCL files are fixed automatically');
  const writer = writerFor(handle.file, parsed);
  const base: Place = { block: handle.block, body: handle.body };
  const edit = (e: TextEdit | undefined): TextEdit[] => {
    if (!e) throw new FixNotApplicable('the block is not closed yet');
    return [e];
  };

  if ('set' in op) {
    const segments = op.set.path.split('.');
    const attribute = segments.pop()!;
    const { place, missing } = descend(base, segments);
    if (missing.length === 0) return edit(writer.setAttribute(place.block, place.body, attribute, op.set.value));
    const indent = writer.bodyIndent(place.block);
    const depthIndent = indent + writer.unit.repeat(missing.length);
    const value = renderHclValue(op.set.value, depthIndent, writer.unit, writer.eol);
    return edit(writer.insertIntoBlock(place.block, nestedText(writer, missing, [`${attribute} = ${value}`])));
  }
  if ('remove' in op) {
    const segments = op.remove.path.split('.');
    const attribute = segments.pop()!;
    const { place, missing } = descend(base, segments);
    if (missing.length) return [];
    const e = writer.removeAttribute(place.body, attribute);
    return e ? [e] : [];
  }
  if ('addBlock' in op) {
    const segments = op.addBlock.path === '' ? [] : op.addBlock.path.split('.');
    const { place, missing } = descend(base, segments);
    const lines = nestedText(writer, missing, writer.blockLines(op.addBlock.hcl));
    return edit(writer.insertIntoBlock(place.block, lines));
  }
  if ('addResource' in op) {
    const subject = target.subject as TerraformSubject;
    const resource = subject.resource;
    if (!resource || resource.mode !== 'managed') throw new FixNotApplicable('companion resources are added next to managed resources only');
    const substitute = (s: string) => s.replace(/\{name\}/g, resource.name).replace(/\{address\}/g, `${resource.type}.${resource.name}`);
    const body = substitute(op.addResource.hcl).replace(/\s+$/, '');
    const indentedBody = body
      .split(/\r?\n/)
      .map((l) => (l.trim() === '' ? '' : `  ${l}`))
      .join('\n');
    const text = `resource "${op.addResource.type}" "${substitute(op.addResource.name)}" {\n${indentedBody}\n}`;
    return [writer.addResourceAfter(resource.block, text)];
  }
  return [];
}
