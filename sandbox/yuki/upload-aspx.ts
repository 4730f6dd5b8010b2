/**
 * @module upload-aspx
 * `POST /docs/Upload.aspx`: Yuki's plain-HTTP upload. Parameters come in the query string or the form;
 * the file is a multipart part `File` or the raw body (then `FileName` names it, our assumption). Answers
 * Yuki's `<UploadReponse>` XML (spelled as Yuki spells it), HTTP 200 also on failure.
 */
import { storeUpload } from './archive.ts';
import type { Config } from './operation.ts';
import { MAX_REQUEST_BYTES } from './operation.ts';
import { countCall, findKey } from './services.ts';
import { el, SoapFault } from './soap.ts';
import type { SandboxState } from './state.ts';
import { reachableAdministrations } from './state.ts';

const DEFAULT_FOLDER = 7;

function response(success: boolean, message: string, documentId = ''): string {
  return (
    '<?xml version="1.0" encoding="utf-8"?>' +
    `<UploadReponse>${el('UploadSuccess', success)}${el('Message', message)}${el('DocumentID', documentId)}</UploadReponse>`
  );
}

async function readInput(
  request: Request,
): Promise<{ fields: Map<string, string>; file: File | null; raw: Uint8Array }> {
  const url = new URL(request.url);
  const fields = new Map(url.searchParams);
  const type = request.headers.get('content-type') ?? '';
  if (type.startsWith('multipart/form-data') || type.startsWith('application/x-www-form-urlencoded')) {
    const form = await request.formData();
    let file: File | null = null;
    for (const [name, value] of form) {
      if (typeof value === 'string') fields.set(name, value);
      else if (name === 'File') file = value;
    }
    return { fields, file, raw: new Uint8Array() };
  }
  return { fields, file: null, raw: new Uint8Array(await request.arrayBuffer()) };
}

export async function handleUploadAspx(
  state: SandboxState,
  config: Config,
  request: Request,
): Promise<string> {
  if (Number(request.headers.get('content-length') ?? 0) > MAX_REQUEST_BYTES) {
    return response(false, 'Maximum request length exceeded.');
  }
  const { fields, file, raw } = await readInput(request);
  const key = findKey(state, fields.get('WebServiceAccessKey') ?? '');
  if (!key) return response(false, 'Invalid access key');
  if (!key.rights.includes('Archive'))
    return response(false, 'Access denied: this access key has no rights to upload documents.');
  const domainName = (fields.get('Domain') ?? '').trim().toLowerCase();
  const domain = state.domains.find(
    (d) => key.domainIds.includes(d.id) && (d.name.toLowerCase() === domainName || d.url === domainName),
  );
  if (!domain) return response(false, 'Domain not found');
  const administrationId = (fields.get('Administration') ?? '').trim().toLowerCase();
  const administration = reachableAdministrations(state, key, domain.id).find(
    (a) => a.id === administrationId,
  );
  if (!administration) return response(false, 'Administration not found');
  const folder = Number(fields.get('Folder') || DEFAULT_FOLDER);
  const tab = fields.get('FolderTab') ? Number(fields.get('FolderTab')) : null;
  const bytes = file ? new Uint8Array(await file.arrayBuffer()) : raw;
  const fileName = file?.name ?? fields.get('FileName') ?? '';
  try {
    countCall(state, config, domain.id);
    const document = storeUpload(state, {
      administration,
      fileName,
      bytes,
      folder: Number.isInteger(folder) ? folder : -1,
      tab: tab !== null && Number.isInteger(tab) ? tab : null,
      amountCents: null,
      currency: 'EUR',
      costCategory: '',
      paymentMethod: null,
      project: fields.get('ProjectCode') ?? fields.get('ProjectID') ?? '',
      remarks: '',
    });
    return response(true, 'Upload successful', document.id);
  } catch (error) {
    if (error instanceof SoapFault) return response(false, error.message);
    throw error;
  }
}
