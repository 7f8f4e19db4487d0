/**
 * Which subject a line opens, from the line's own text (plus the surrounding YAML document for
 * Kubernetes): used to describe a block the cursor rests on, e.g. which checks it passed. It is a
 * light textual reading; findings and passes remain the source of truth for outcomes.
 */

export interface SubjectHeader {
  /** How findings and passes name the subject, e.g. `aws_s3_bucket.records`, `Deployment ehr/api`. */
  resource: string;
  /** Whether resources *inside* it (containers of a Deployment) belong to it too. */
  includesNested: boolean;
}

const TERRAFORM_BLOCK = /^\s*(resource|data)\s+"([^"]+)"\s+"([^"]+)"\s*\{?/;
const TERRAFORM_MODULE = /^\s*module\s+"([^"]+)"/;
const TERRAFORM_PROVIDER = /^\s*provider\s+"([^"]+)"/;

function terraformHeader(lineText: string, lines: readonly string[], line: number): SubjectHeader | undefined {
  const block = TERRAFORM_BLOCK.exec(lineText);
  if (block) {
    const name = `${block[2]}.${block[3]}`;
    return { resource: block[1] === 'data' ? `data.${name}` : name, includesNested: false };
  }
  const module = TERRAFORM_MODULE.exec(lineText);
  if (module) return { resource: `module.${module[1]}`, includesNested: true };
  const provider = TERRAFORM_PROVIDER.exec(lineText);
  if (provider) {
    // Findings name an aliased provider `provider aws.dr`; find the alias inside the block.
    for (let i = line + 1; i < lines.length && !/^\}/.test(lines[i]); i++) {
      const alias = /^\s*alias\s*=\s*"([^"]+)"/.exec(lines[i]);
      if (alias) return { resource: `provider ${provider[1]}.${alias[1]}`, includesNested: false };
    }
    return { resource: `provider ${provider[1]}`, includesNested: false };
  }
  return undefined;
}

function yamlDocumentBounds(lines: readonly string[], line: number): [number, number] {
  let start = line;
  while (start > 0 && !/^---/.test(lines[start - 1])) start--;
  let end = line;
  while (end + 1 < lines.length && !/^---/.test(lines[end + 1])) end++;
  return [start, end];
}

function kubernetesHeader(lineText: string, lines: readonly string[], line: number): SubjectHeader | undefined {
  const kind = /^kind:\s*["']?([A-Za-z0-9]+)["']?\s*$/.exec(lineText);
  if (!kind) return undefined;
  const [start, end] = yamlDocumentBounds(lines, line);
  let name = '';
  let namespace = '';
  let inMetadata = false;
  for (let i = start; i <= end; i++) {
    const text = lines[i];
    if (/^metadata:\s*$/.test(text)) {
      inMetadata = true;
      continue;
    }
    if (/^\S/.test(text)) inMetadata = false;
    if (!inMetadata) continue;
    const field = /^ {1,4}(name|namespace):\s*["']?([^"'#\s]+)["']?/.exec(text);
    if (field?.[1] === 'name' && !name) name = field[2];
    if (field?.[1] === 'namespace' && !namespace) namespace = field[2];
  }
  return { resource: namespace ? `${kind[1]} ${namespace}/${name || '(unnamed)'}` : `${kind[1]} ${name || '(unnamed)'}`, includesNested: true };
}

/** The subject the given 0-based line opens, or undefined when it opens none we recognise. */
export function subjectHeaderAt(path: string, text: string, line: number): SubjectHeader | undefined {
  const lines = text.split(/\r?\n/);
  const lineText = lines[line];
  if (lineText === undefined) return undefined;
  if (/\.(tf|tfvars|hcl)$/i.test(path)) return terraformHeader(lineText, lines, line);
  if (/\.ya?ml$/i.test(path)) return kubernetesHeader(lineText, lines, line);
  return undefined;
}

/** Whether a finding's or pass's `resource` belongs to the subject the header names. */
export function belongsToHeader(header: SubjectHeader, resource: string | undefined): boolean {
  if (!resource) return false;
  if (resource === header.resource) return true;
  return header.includesNested && (resource.endsWith(` in ${header.resource}`) || resource.startsWith(`${header.resource}.`));
}
