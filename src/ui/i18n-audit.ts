/**
 * @module i18n-audit
 * Every audit and refusal action code in words, Dutch and English, so the audit log reads
 * "Loket instellingen gewijzigd door …" instead of `portal.loket_settings.update`. Part of MESSAGES.
 */

export const AUDIT_MESSAGES = {
  'audit.sentence': { nl: '{what} door {who}', en: '{what} by {who}' },
  'audit.concerns': { nl: 'Betreft', en: 'Concerns' },
  'audit.system': { nl: 'het systeem', en: 'the system' },
  'audit.scheduler': { nl: 'de planner', en: 'the scheduler' },
  'audit.cli': { nl: 'de opdrachtregel', en: 'the command line' },
  'audit.unknownAction': { nl: 'Handeling {code}', en: 'Action {code}' },

  'audit.action.portal.create': { nl: 'Portaal aangemaakt', en: 'Portal created' },
  'audit.action.portal.loket_settings.update': {
    nl: 'Loket instellingen gewijzigd',
    en: 'Loket settings changed',
  },
  'audit.action.portal.sync_from_yuki': {
    nl: 'Domeinen en administraties gesynchroniseerd met Yuki',
    en: 'Domains and administrations synchronised with Yuki',
  },
  'audit.action.operator.setup': {
    nl: 'Eerste operatoraccount aangemaakt (loket-yuki setup)',
    en: 'First operator account created (loket-yuki setup)',
  },
  'audit.action.mail.resend': { nl: 'E-mail opnieuw verstuurd', en: 'E-mail sent again' },
  'audit.action.auth.password_reset.link': {
    nl: 'Link voor nieuw wachtwoord gemaakt (loket-yuki reset-password)',
    en: 'Password reset link made (loket-yuki reset-password)',
  },
  'audit.action.portal.member.invite': { nl: 'Gebruiker uitgenodigd', en: 'User invited' },
  'audit.action.portal.member.accept': { nl: 'Uitnodiging geaccepteerd', en: 'Invitation accepted' },
  'audit.action.portal.member.remove': { nl: 'Rollen ingetrokken', en: 'Roles taken away' },
  'audit.action.domain.feature.add': {
    nl: "Feature 'Salariskoppeling met Loket' aan het contract toegevoegd",
    en: "Feature 'Salariskoppeling met Loket' added to the contract",
  },
  'audit.action.domain.feature.remove': {
    nl: "Feature 'Salariskoppeling met Loket' van het contract gehaald",
    en: "Feature 'Salariskoppeling met Loket' removed from the contract",
  },
  'audit.action.domain.loket_connection.update': {
    nl: 'Loket-gebruiker van het domein gewijzigd',
    en: "The domain's Loket user changed",
  },
  'audit.action.domain.loket_connection.test': {
    nl: 'Verbinding met Loket getest',
    en: 'Connection with Loket tested',
  },
  'audit.action.domain.loket_connection.oauth': {
    nl: 'Domein gekoppeld met Loket',
    en: 'Domain connected with Loket',
  },
  'audit.action.administration.relation_code.update': {
    nl: 'Relatiecode gewijzigd',
    en: 'Relation code changed',
  },
  'audit.action.administration.link_settings.update': {
    nl: 'Instellingen van de koppeling gewijzigd',
    en: 'Link settings changed',
  },
  'audit.action.contract_line.request': {
    nl: 'Contractregel aangevraagd',
    en: 'Contract line requested',
  },
  'audit.action.contract_line.grant': { nl: 'Contractregel toegekend', en: 'Contract line granted' },
  'audit.action.contract_line.refuse': { nl: 'Contractregel geweigerd', en: 'Contract line refused' },
  'audit.action.contract_line.revoke': { nl: 'Contractregel ingetrokken', en: 'Contract line revoked' },
  'audit.action.import.requested': { nl: 'Import gestart', en: 'Import started' },
  'audit.action.import.previewed': { nl: 'Voorbeeld van een import bekeken', en: 'Import previewed' },
  'audit.action.import.backfill_previewed': {
    nl: 'Voorbeeld van oudere perioden bekeken',
    en: 'Earlier periods previewed',
  },
  'audit.action.import.cli': {
    nl: 'Import gestart via de opdrachtregel',
    en: 'Import started from the command line',
  },
  'audit.action.import.checked_in_yuki': {
    nl: 'Document in Yuki gecontroleerd',
    en: 'Document checked in Yuki',
  },
  'audit.action.auth.login': { nl: 'Ingelogd', en: 'Signed in' },
  'audit.action.auth.logout': { nl: 'Uitgelogd', en: 'Signed out' },
  'audit.action.auth.password_reset.request': {
    nl: 'Nieuw wachtwoord aangevraagd',
    en: 'New password requested',
  },
  'audit.action.auth.password_reset.confirm': {
    nl: 'Nieuw wachtwoord gekozen',
    en: 'New password chosen',
  },
  'audit.action.link.refused': {
    nl: 'Toegang tot de koppeling geweigerd',
    en: 'Access to the link refused',
  },
  'audit.action.access.refused': { nl: 'Toegang geweigerd', en: 'Access refused' },
  'audit.action.operator': { nl: 'Operatorconsole geweigerd', en: 'Operator console refused' },

  'audit.field.name': { nl: 'naam', en: 'name' },
  'audit.field.relationCode': { nl: 'Relatiecode', en: 'relation code' },
  'audit.field.status': { nl: 'status', en: 'status' },
  'audit.field.method': { nl: 'manier van koppelen', en: 'connection method' },
  'audit.field.tokens': { nl: 'Loket-tokens', en: 'Loket tokens' },
  'audit.field.loketClientId': { nl: 'client id', en: 'client id' },
  'audit.field.loketClientSecret': { nl: 'client secret', en: 'client secret' },
  'audit.field.loketEnvironment': { nl: 'omgeving', en: 'environment' },
  'audit.field.loketPasswordFlow': { nl: 'inloggen met wachtwoord', en: 'password sign-in' },
  'audit.field.yukiAccessKey': { nl: 'Yuki-toegangssleutel', en: 'Yuki access key' },
  'audit.field.autoImport': { nl: 'automatisch importeren', en: 'import automatically' },
  'audit.field.lookbackPeriods': { nl: 'eerdere perioden', en: 'earlier periods' },
  'audit.field.documentKinds': { nl: 'soorten documenten', en: 'kinds of document' },
  'audit.field.notificationRecipients': { nl: 'meldingen naar', en: 'notify' },
  'audit.field.blockOnControlDifference': {
    nl: 'niet boeken bij verschil',
    en: 'do not post on a difference',
  },
  'audit.field.importSchedule': { nl: 'importschema', en: 'import schedule' },
  'audit.field.importFromPeriod': { nl: 'eerste periode', en: 'first period' },
  'audit.field.importFromPeriodId': { nl: 'eerste periode', en: 'first period' },
  'audit.field.netPayComponentKey': { nl: 'looncomponent nettoloon', en: 'net-pay component' },
  'audit.field.costCenterProjects': { nl: 'kostenplaatsen', en: 'cost centres' },
  'audit.field.username': { nl: 'gebruikersnaam', en: 'user name' },
  'audit.field.password': { nl: 'wachtwoord', en: 'password' },
  'audit.field.environmentCode': { nl: 'omgevingscode', en: 'environment code' },

  'audit.reason.role': { nl: 'rol geeft geen toegang', en: 'role gives no access' },
  'audit.reason.feature_missing': {
    nl: 'feature ontbreekt op het contract',
    en: 'feature missing from the contract',
  },
  'audit.reason.no_access': { nl: 'geen toegang tot dit portaal', en: 'no access to this portal' },
  'audit.reason.not_signed_in': { nl: 'niet ingelogd', en: 'not signed in' },
  'audit.reason.throttled': { nl: 'te veel pogingen', en: 'too many attempts' },
  'audit.reason.wrong_password': { nl: 'verkeerd wachtwoord', en: 'wrong password' },
  'audit.reason.unknown_email': { nl: 'onbekend e-mailadres', en: 'unknown e-mail address' },
  'audit.reason.invalid_token': { nl: 'ongeldige link', en: 'invalid link' },
  'audit.reason.too_many': { nl: 'te veel aanvragen', en: 'too many requests' },
} as const;
