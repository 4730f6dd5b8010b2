/**
 * @module import-view
 * The import part of *Loket service* as the page shows it: the application's import view
 * (`app/administrations/get-import-view.ts`) with where its documents can be seen in Yuki.
 */
import type { AppServices } from '../../http/context.ts';
import {
  getImportView,
  type ImportItemRow,
  type ImportViewData,
} from '../../app/administrations/get-import-view.ts';
import type { Administration } from '../../app/scope.ts';
import { yukiLinks, type YukiLinks } from './yuki-link.tsx';

export type {
  FailureGroup,
  ImportItemRow,
  ImportRun,
  RunOutcome,
  RunProgress,
} from '../../app/administrations/get-import-view.ts';

export type ImportView = ImportViewData & {
  /** Where the documents in Yuki can be seen. */
  yukiLinks: YukiLinks;
};

/** The subject as a person reads it, without the `[lky:…]` marker kept for reconciliation. */
export const readableSubject = (item: Pick<ImportItemRow, 'subject'>) =>
  item.subject.replace(/ \[lky:[0-9a-f]+\]$/, '');

export async function loadImportView(
  services: AppServices,
  administration: Administration,
): Promise<ImportView> {
  const view = await getImportView(
    { db: services.db, logger: services.logger, env: services.importEnvironment },
    administration,
  );
  return { ...view, yukiLinks: yukiLinks(services.config.yukiApiUrl, view.domainUrl) };
}
