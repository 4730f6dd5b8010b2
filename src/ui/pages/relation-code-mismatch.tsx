/**
 * @module relation-code-mismatch
 * The warning beside a Relatiecode whose Loket employer is another company than the Yuki administration:
 * both sides next to each other, and "Toch koppelen" to save it on purpose (recorded in the audit log).
 */
import type { RelationCodeSides } from '../../app/administrations/change-relation-code.ts';
import { Csrf } from '../components/form.tsx';
import type { PageContext } from '../page-context.ts';

export function RelationCodeMismatch({
  page,
  administrationId,
  sides,
}: {
  page: PageContext;
  administrationId: string;
  sides: RelationCodeSides;
}) {
  const { t } = page;
  const none = t('common.none');
  return (
    <section class="card notice-error" role="alert" aria-labelledby="relation-mismatch" id="relation-code-mismatch">
      <h2 id="relation-mismatch">{t('admin.mismatch.title')}</h2>
      <p>{t('admin.mismatch.intro', { number: String(sides.loket.clientNumber) })}</p>
      <table>
          <thead>
            <tr>
              <th scope="col"></th>
              <th scope="col">{t('admin.mismatch.yuki')}</th>
              <th scope="col">{t('admin.mismatch.loket')}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t('common.name')}</th>
              <td>{sides.yuki.name}</td>
              <td>{sides.loket.companyName}</td>
            </tr>
            <tr>
              <th scope="row">{t('admin.coc')}</th>
              <td>{sides.yuki.cocNumber ?? none}</td>
              <td>{sides.loket.cocNumber ?? none}</td>
            </tr>
            <tr>
              <th scope="row">{t('admin.mismatch.payroll')}</th>
              <td>{none}</td>
              <td>{sides.loket.payrollAdministrationName}</td>
            </tr>
            <tr>
              <th scope="row">{t('admin.mismatch.taxNumber')}</th>
              <td>{none}</td>
              <td>{sides.loket.payrollTaxesNumber ?? none}</td>
            </tr>
          </tbody>
      </table>
      <p>{t('admin.mismatch.ask')}</p>
      <form method="post" action={`/administrations/${administrationId}/relation-code`}>
        <Csrf page={page} />
        <input type="hidden" name="relationCode" value={String(sides.loket.clientNumber)} />
        <input type="hidden" name="confirm" value="1" />
        <div class="actions">
          <button type="submit">
            {t('admin.mismatch.confirm')}
          </button>
        </div>
      </form>
    </section>
  );
}
