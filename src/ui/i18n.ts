/**
 * @module i18n
 * Every text of the web UI, in Dutch (the default) and English. A page asks `translator(locale)` for
 * a `t(key, params)`; `{name}` in a text is filled from params, escaped later by JSX like any value.
 */
import type { Locale } from '../core/roles.ts';
import { AUDIT_MESSAGES } from './i18n-audit.ts';
import { HELP_MESSAGES } from './i18n-help.ts';
import { FORM_MESSAGES } from './i18n-forms.ts';

type Entry = { nl: string; en: string };

export const MESSAGES = {
  'app.name': { nl: 'Salariskoppeling met Loket', en: 'Loket payroll link' },
  'app.skip': { nl: 'Naar de inhoud', en: 'Skip to content' },
  'demo.outbox': { nl: 'Verstuurde e-mail bekijken', en: 'See the e-mail sent' },
  'demo.banner': {
    nl: 'Demo-omgeving: Loket en Yuki zijn nagebootst met testgegevens. Niets hier raakt echte administraties.',
    en: 'Demo environment: Loket and Yuki are simulated with test data. Nothing here touches real books.',
  },
  'demo.logins': { nl: 'Demo-accounts', en: 'Demo accounts' },
  'demo.password': {
    nl: 'Wachtwoord voor alle accounts: {password}',
    en: 'Password for all accounts: {password}',
  },
  'demo.hint.loket': {
    nl: 'Demo: de gegevens van de Loket-sandbox (client id, secret, gebruikers) staan op {url}',
    en: 'Demo: the Loket sandbox details (client id, secret, users) are at {url}',
  },
  'demo.hint.yuki': {
    nl: 'Demo: de toegangssleutels van de Yuki-sandbox staan op {url}',
    en: 'Demo: the Yuki sandbox access keys are at {url}',
  },
  'demo.hint.relation': {
    nl: 'Demo: de cliëntnummers in de Loket-sandbox zijn 10231, 20417 en 20418.',
    en: 'Demo: the client numbers in the Loket sandbox are 10231, 20417 and 20418.',
  },
  'lang.switch': { nl: 'English', en: 'Nederlands' },
  'lang.switch.label': { nl: 'Switch to English', en: 'Schakel naar Nederlands' },

  'nav.main': { nl: 'Hoofdmenu', en: 'Main menu' },
  'nav.overview': { nl: 'Overzicht', en: 'Overview' },
  'nav.settings': { nl: 'Instellingen', en: 'Settings' },
  'nav.loketSettings': { nl: 'Loket instellingen', en: 'Loket settings' },
  'nav.audit': { nl: 'Auditlog', en: 'Audit log' },
  'nav.operator': { nl: 'Operatorconsole', en: 'Operator console' },
  'nav.logout': { nl: 'Uitloggen', en: 'Sign out' },
  'nav.signedInAs': { nl: 'Ingelogd als {name}', en: 'Signed in as {name}' },
  'nav.administration': { nl: 'Administratiemenu', en: 'Administration menu' },
  'nav.staff': { nl: 'Personeel', en: 'Staff' },
  'nav.loketService': { nl: 'Loket service', en: 'Loket service' },
  'nav.tabAdministration': { nl: 'Administratie', en: 'Administration' },
  'nav.domainAdministrations': {
    nl: 'Domein {name}: de lijst met administraties',
    en: 'Domain {name}: the list of administrations',
  },

  'common.save': { nl: 'Opslaan', en: 'Save' },
  'common.saved': { nl: 'Opgeslagen.', en: 'Saved.' },
  'common.set': { nl: 'Ingesteld', en: 'Set' },
  'common.notSet': { nl: 'Niet ingesteld', en: 'Not set' },
  'common.yes': { nl: 'Ja', en: 'Yes' },
  'common.no': { nl: 'Nee', en: 'No' },
  'common.none': { nl: '—', en: '—' },
  'common.standard': { nl: 'standaard', en: 'standard' },
  'common.name': { nl: 'Naam', en: 'Name' },
  'common.status': { nl: 'Status', en: 'Status' },
  'common.actions': { nl: 'Acties', en: 'Actions' },
  'common.keepSecret': {
    nl: 'Laat leeg om de huidige waarde te houden.',
    en: 'Leave empty to keep the current value.',
  },
  'common.invalid': { nl: 'Controleer de gemarkeerde velden.', en: 'Check the marked fields.' },

  'role.portal_admin': { nl: 'Portaalbeheerder', en: 'Portal administrator' },
  'role.portal_backoffice': { nl: 'Backoffice (portaal)', en: 'Back office (portal)' },
  'role.portal_guest': { nl: 'Gast (portaal)', en: 'Guest (portal)' },
  'role.backoffice': { nl: 'Backoffice in het domein', en: 'Back office in the domain' },
  'role.management': { nl: 'Directie', en: 'Management' },
  'role.hrm': { nl: 'HRM', en: 'HRM' },
  'role.guest': { nl: 'Gast', en: 'Guest' },
  'role.operator': { nl: 'Operator', en: 'Operator' },

  'login.title': { nl: 'Inloggen', en: 'Sign in' },
  'login.email': { nl: 'E-mailadres', en: 'E-mail address' },
  'login.password': { nl: 'Wachtwoord', en: 'Password' },
  'login.submit': { nl: 'Inloggen', en: 'Sign in' },
  'login.forgot': { nl: 'Wachtwoord vergeten?', en: 'Forgot your password?' },
  'login.wrong': {
    nl: 'Het e-mailadres of het wachtwoord klopt niet.',
    en: 'The e-mail address or the password is not correct.',
  },
  'login.throttled': {
    nl: 'Te veel mislukte inlogpogingen. Probeer het over {minutes} minuten opnieuw.',
    en: 'Too many failed sign-in attempts. Try again in {minutes} minutes.',
  },
  'login.signedOut': { nl: 'U bent uitgelogd.', en: 'You have signed out.' },

  'reset.title': { nl: 'Wachtwoord vergeten', en: 'Forgot password' },
  'reset.intro': {
    nl: 'Vul uw e-mailadres in. U krijgt een e-mail met een link om een nieuw wachtwoord te kiezen.',
    en: 'Enter your e-mail address. You will receive an e-mail with a link to choose a new password.',
  },
  'reset.submit': { nl: 'Stuur de link', en: 'Send the link' },
  'reset.sent': {
    nl: 'Als er een account met dit e-mailadres bestaat, is er een e-mail met een link verstuurd. De link is één uur geldig.',
    en: 'If an account with this e-mail address exists, an e-mail with a link has been sent. The link is valid for one hour.',
  },
  'reset.noMail': {
    nl: 'Deze installatie verstuurt geen e-mail (er is geen mailserver ingesteld). Vraag de beheerder om een link om uw wachtwoord opnieuw in te stellen (`loket-yuki reset-password`).',
    en: 'This installation sends no e-mail (no mail server is configured). Ask the administrator for a link to reset your password (`loket-yuki reset-password`).',
  },
  'reset.confirm.title': { nl: 'Nieuw wachtwoord kiezen', en: 'Choose a new password' },
  'reset.confirm.password': { nl: 'Nieuw wachtwoord', en: 'New password' },
  'reset.confirm.hint': { nl: 'Minstens {min} tekens.', en: 'At least {min} characters.' },
  'reset.confirm.submit': { nl: 'Wachtwoord opslaan', en: 'Save password' },
  'reset.confirm.done': {
    nl: 'Uw wachtwoord is gewijzigd. U bent overal uitgelogd; log in met het nieuwe wachtwoord.',
    en: 'Your password has been changed. You have been signed out everywhere; sign in with the new password.',
  },
  'reset.confirm.invalid': {
    nl: 'Deze link is ongeldig, al gebruikt of verlopen. Vraag een nieuwe link aan.',
    en: 'This link is invalid, already used or expired. Request a new link.',
  },
  'reset.confirm.tooShort': {
    nl: 'Kies een wachtwoord van minstens {min} tekens.',
    en: 'Choose a password of at least {min} characters.',
  },

  'overview.title': { nl: 'Overzicht {portal}', en: 'Overview {portal}' },
  'overview.intro': {
    nl: 'Domeinen en administraties van het portaal, met de stand van de salariskoppeling met Loket.',
    en: "The portal's domains and administrations, with the state of the Loket payroll link.",
  },
  'overview.noDomains': { nl: 'U heeft geen toegang tot domeinen.', en: 'You have no access to any domain.' },
  'overview.administration': { nl: 'Administratie', en: 'Administration' },
  'overview.relationCode': { nl: 'Relatiecode', en: 'Relation code' },
  'overview.link': { nl: 'Koppeling', en: 'Link' },
  'overview.contract': { nl: 'Contract', en: 'Contract' },
  'overview.domainLoket': { nl: 'Loket-instellingen', en: 'Loket settings' },
  'overview.goneFromYuki': { nl: 'niet meer in Yuki', en: 'no longer in Yuki' },

  'status.complete': { nl: 'Koppeling compleet', en: 'Link complete' },
  'status.incomplete': { nl: 'Nog niet compleet', en: 'Not complete yet' },
  'status.missingIntro': {
    nl: 'Wat ontbreekt er nog, en wie kan het regelen:',
    en: 'What is still missing, and who can fix it:',
  },
  'status.fixBy': { nl: 'Kan worden geregeld door: {roles}.', en: 'Can be fixed by: {roles}.' },
  'status.fixHere': { nl: 'Hier regelen', en: 'Fix this here' },
  'status.portalLevel': { nl: 'Voor het hele portaal', en: 'For the whole portal' },
  'status.domainLevel': { nl: 'Voor dit domein', en: 'For this domain' },
  'status.seeAbove': {
    nl: 'Deze administratie is klaar; de koppeling wacht op wat hierboven ontbreekt.',
    en: 'This administration is ready; the link waits for what is missing above.',
  },
  'missing.loket_client': {
    nl: 'De Loket API-client (client id en secret) is niet ingevuld bij Instellingen → Loket instellingen.',
    en: 'The Loket API client (client id and secret) is not filled in under Settings → Loket settings.',
  },
  'missing.yuki_access_key': {
    nl: 'De Yuki-toegangssleutel (webservice access key) van het portaal ontbreekt.',
    en: "The portal's Yuki web-service access key is missing.",
  },
  'missing.feature': {
    nl: "Het contract van het domein heeft de feature 'Salariskoppeling met Loket' niet.",
    en: "The domain's contract lacks the feature 'Salariskoppeling met Loket'.",
  },
  'missing.loket_connection': {
    nl: 'Het domein heeft geen werkende Loket-gebruiker: kies bij de Loket-instellingen van het domein "Koppelen met Loket".',
    en: 'The domain has no working Loket user: choose "Connect with Loket" in the domain\'s Loket settings.',
  },
  'missing.contract_line': {
    nl: 'Dit is niet de standaardadministratie van het domein; daarvoor is een actieve contractregel nodig.',
    en: "This is not the domain's standard administration; it needs an active contract line.",
  },
  'missing.relation_code': {
    nl: 'De Relatiecode (het cliëntnummer uit Loket) is niet ingevuld of niet gevonden in Loket.',
    en: 'The relation code (the Loket client number) is not filled in or not found in Loket.',
  },

  'loketSettings.title': { nl: 'Loket instellingen', en: 'Loket settings' },
  'loketSettings.intro': {
    nl: 'Portaalinstellingen van de salariskoppeling: de Loket API-client, de omgeving, de standaard voor importeren en de Yuki-toegangssleutel.',
    en: 'Portal settings of the payroll link: the Loket API client, the environment, import defaults and the Yuki access key.',
  },
  'loketSettings.api': { nl: 'Loket API-client', en: 'Loket API client' },
  'loketSettings.clientId': { nl: 'Client id', en: 'Client id' },
  'loketSettings.clientSecret': { nl: 'Client secret', en: 'Client secret' },
  'loketSettings.environment': { nl: 'Omgeving', en: 'Environment' },
  'loketSettings.passwordFlow': {
    nl: 'Deze Loket-client mag inloggen met gebruikersnaam en wachtwoord (alleen als Loket dat bij uitzondering heeft aangezet)',
    en: 'This Loket client may sign in with a user name and password (only if Loket switched it on, by exception)',
  },
  'loketSettings.passwordFlowHint': {
    nl: 'Standaard koppelt een domein via "Koppelen met Loket". Zet dit alleen aan als Loket de wachtwoordmethode voor uw client heeft ingeschakeld; dan tonen de domeinen ook de velden gebruikersnaam, wachtwoord en omgevingscode.',
    en: 'By default a domain connects through "Connect with Loket". Switch this on only if Loket enabled the password flow for your client; the domains then also show user name, password and environment code.',
  },
  'loketSettings.env.production': { nl: 'Productie', en: 'Production' },
  'loketSettings.env.acceptance': { nl: 'Acceptatie', en: 'Acceptance' },
  'loketSettings.yuki': { nl: 'Yuki', en: 'Yuki' },
  'loketSettings.yukiKey': { nl: 'Yuki webservice-toegangssleutel', en: 'Yuki web-service access key' },
  'loketSettings.yukiKeyHint': {
    nl: 'Een GUID, te vinden in Yuki bij Instellingen → Webservices.',
    en: 'A GUID, found in Yuki under Settings → Web services.',
  },
  'loketSettings.defaults': { nl: 'Importeren', en: 'Importing' },
  'loketSettings.autoImport': { nl: 'Automatisch importeren', en: 'Import automatically' },
  'loketSettings.lookback': {
    nl: 'Aantal eerdere perioden dat automatisch wordt nagekeken',
    en: 'Number of earlier periods checked automatically',
  },
  'loketSettings.kinds': { nl: 'Soorten documenten', en: 'Kinds of document' },
  'loketSettings.recipients': {
    nl: 'Meldingen naar (e-mailadressen, één per regel)',
    en: 'Notify (e-mail addresses, one per line)',
  },
  'loketSettings.block': {
    nl: 'Niet boeken bij een verschil tussen journaalpost en loonstroken',
    en: 'Do not post when the journal and the payslips differ',
  },
  'sync.title': { nl: 'Domeinen en administraties uit Yuki', en: 'Domains and administrations from Yuki' },
  'sync.intro': {
    nl: 'Haalt met de Yuki-toegangssleutel van het portaal de domeinen en administraties op, zodat dit overzicht gelijk loopt met Yuki.',
    en: "Fetches the domains and administrations with the portal's Yuki access key, so this overview matches Yuki.",
  },
  'sync.button': { nl: 'Nu synchroniseren met Yuki', en: 'Synchronise with Yuki now' },
  'sync.done': {
    nl: 'Yuki gesynchroniseerd: {domains} domeinen en {administrations} administraties gezien, {added} nieuw, {gone} niet meer in Yuki.',
    en: 'Synchronised with Yuki: {domains} domains and {administrations} administrations seen, {added} new, {gone} no longer in Yuki.',
  },
  'nav.members': { nl: 'Gebruikers', en: 'Users' },
  'members.title': { nl: 'Gebruikers', en: 'Users' },
  'members.intro': {
    nl: 'Wie in dit portaal werkt en met welke rol. Wie u toevoegt, krijgt een uitnodiging per e-mail en heeft de rol pas als die is geaccepteerd; wie nog geen account heeft, kiest daarbij zelf een wachtwoord.',
    en: 'Who works in this portal and in which role. Whoever you add receives an invitation by e-mail and has the role only once they accept it; someone without an account chooses their own password then.',
  },
  'members.roles': { nl: 'Rollen', en: 'Roles' },
  'members.domainRole': { nl: '{domain}: {role}', en: '{domain}: {role}' },
  'members.remove': { nl: 'Rollen intrekken', en: 'Take away roles' },
  'members.removeFor': { nl: 'Rollen intrekken van {name}', en: 'Take away the roles of {name}' },
  'members.add': { nl: 'Gebruiker toevoegen of rol geven', en: 'Add a user or give a role' },
  'members.role': { nl: 'Rol', en: 'Role' },
  'members.where': { nl: 'Waar', en: 'Where' },
  'members.wherePortal': { nl: 'Het hele portaal', en: 'The whole portal' },
  'members.submit': { nl: 'Toevoegen', en: 'Add' },
  'members.invited': {
    nl: 'Er is een uitnodiging per e-mail verstuurd. De rol geldt zodra die is geaccepteerd.',
    en: 'An invitation has been sent by e-mail. The role applies once it has been accepted.',
  },
  'members.invitedLink': {
    nl: 'Er is geen mailserver ingesteld, dus er is geen e-mail verstuurd. Geef deze link (een week geldig, werkt één keer) zelf door; hij wordt maar één keer getoond:',
    en: 'No mail server is configured, so no e-mail was sent. Pass on this link yourself (valid for a week, works once); it is shown only this once:',
  },
  'members.pending': { nl: 'Openstaande uitnodigingen', en: 'Open invitations' },
  'members.pendingIntro': {
    nl: 'Nog niet geaccepteerd; een uitnodiging is een week geldig.',
    en: 'Not accepted yet; an invitation is valid for a week.',
  },
  'members.invitedAt': { nl: 'Uitgenodigd op', en: 'Invited on' },
  'invitation.title': { nl: 'Uitnodiging', en: 'Invitation' },
  'invitation.offerDomain': {
    nl: 'U bent uitgenodigd voor {portal}, domein {domain}, met de rol {role}.',
    en: 'You are invited to {portal}, domain {domain}, with the role {role}.',
  },
  'invitation.offerPortal': {
    nl: 'U bent uitgenodigd voor {portal} met de rol {role}.',
    en: 'You are invited to {portal} with the role {role}.',
  },
  'invitation.accept': { nl: 'Uitnodiging accepteren', en: 'Accept the invitation' },
  'invitation.signIn': {
    nl: 'Deze uitnodiging is voor {email}. Log in met dat adres om haar te accepteren.',
    en: 'This invitation is for {email}. Sign in with that address to accept it.',
  },
  'invitation.choosePassword': {
    nl: 'Kies een wachtwoord voor uw nieuwe account ({email}) en accepteer de uitnodiging.',
    en: 'Choose a password for your new account ({email}) and accept the invitation.',
  },
  'invitation.gone': {
    nl: 'Deze uitnodiging is al gebruikt of verlopen. Vraag de beheerder om een nieuwe.',
    en: 'This invitation has been used or has expired. Ask the administrator for a new one.',
  },
  'invitation.joined': {
    nl: 'Uw account is aangemaakt en de uitnodiging is geaccepteerd. Log in met uw nieuwe wachtwoord.',
    en: 'Your account has been created and the invitation accepted. Sign in with your new password.',
  },
  'members.removed': { nl: 'De rollen zijn ingetrokken.', en: 'The roles have been taken away.' },
  'members.roleMismatch': {
    nl: 'Kies een portaalrol voor het hele portaal, of een domeinrol voor een domein.',
    en: 'Choose a portal role for the whole portal, or a domain role for a domain.',
  },
  'kind.payslips': { nl: 'Loonstroken', en: 'Payslips' },
  'kind.journal': { nl: 'Loonjournaalposten', en: 'Payroll journal entries' },
  'kind.tax_return': { nl: 'Loonaangiften', en: 'Payroll tax returns' },

  'domain.title': { nl: 'Domein {name}', en: 'Domain {name}' },
  'domain.contract': { nl: 'Contract', en: 'Contract' },
  'domain.features': { nl: 'Features', en: 'Features' },
  'domain.feature.loket': {
    nl: 'Salariskoppeling met Loket',
    en: 'Salariskoppeling met Loket (Loket payroll link)',
  },
  'domain.feature.on': { nl: 'Op het contract', en: 'On the contract' },
  'domain.feature.off': { nl: 'Niet op het contract', en: 'Not on the contract' },
  'domain.feature.add': { nl: 'Toevoegen aan het contract', en: 'Add to the contract' },
  'domain.feature.remove': { nl: 'Van het contract halen', en: 'Remove from the contract' },
  'domain.feature.onlyAdmin': {
    nl: 'Alleen de portaalbeheerder kan features aan het contract toevoegen.',
    en: 'Only the portal administrator can add features to the contract.',
  },
  'domain.administrations': {
    nl: 'Administraties en contractregels',
    en: 'Administrations and contract lines',
  },
  'domain.line': { nl: 'Contractregel', en: 'Contract line' },
  'domain.line.notNeeded': {
    nl: 'Niet nodig (standaardadministratie)',
    en: 'Not needed (standard administration)',
  },
  'domain.line.none': { nl: 'Geen', en: 'None' },
  'domain.line.requested': { nl: 'Aangevraagd', en: 'Requested' },
  'domain.line.active': { nl: 'Actief', en: 'Active' },
  'domain.line.refused': { nl: 'Geweigerd', en: 'Refused' },
  'domain.line.revoked': { nl: 'Ingetrokken', en: 'Revoked' },
  'domain.line.request': { nl: 'Activering aanvragen', en: 'Request activation' },
  'domain.line.requestFor': { nl: 'Activering aanvragen voor {name}', en: 'Request activation for {name}' },
  'domain.line.explain': {
    nl: 'De koppeling kan alleen met de standaardadministratie. Voor een andere administratie vraagt u een contractregel aan; de aanvraag gaat per e-mail naar {email}.',
    en: 'Only the standard administration can be linked. For another administration you request a contract line; the request is e-mailed to {email}.',
  },
  'domain.line.sent': {
    nl: 'De aanvraag is verstuurd. U krijgt bericht zodra hij is beoordeeld.',
    en: 'The request has been sent. You will hear once it has been decided.',
  },

  'connection.title': { nl: 'Loket-instellingen van {name}', en: 'Loket settings of {name}' },
  'connection.intro': {
    nl: 'Hoe de koppeling voor dit domein gegevens uit Loket ophaalt. Gebruik een aparte, standaard Loket-gebruiker met de vijf benodigde rechten.',
    en: 'How the link fetches data from Loket for this domain. Use a dedicated, standard Loket user with the five required rights.',
  },
  'connection.username': { nl: 'Gebruikersnaam', en: 'User name' },
  'connection.password': { nl: 'Wachtwoord', en: 'Password' },
  'connection.environmentCode': { nl: 'Omgevingscode', en: 'Environment code' },
  'connection.state': { nl: 'Stand van de verbinding', en: 'Connection state' },
  'connection.status.none': { nl: 'Nog niet ingevuld', en: 'Not filled in yet' },
  'connection.status.untested': { nl: 'Ingevuld, nog niet getest', en: 'Filled in, not tested yet' },
  'connection.status.ok': { nl: 'Verbinding werkt', en: 'Connection works' },
  'connection.status.failed': { nl: 'Verbinding werkt niet', en: 'Connection does not work' },
  'connection.checkedAt': { nl: 'Laatst getest: {at}', en: 'Last tested: {at}' },
  'connection.missingRights': {
    nl: 'De Loket-gebruiker mist deze rechten: {rights}. Een Loket-beheerder kan ze toekennen.',
    en: 'The Loket user lacks these rights: {rights}. A Loket administrator can grant them.',
  },
  'connection.test': { nl: 'Verbinding testen', en: 'Test connection' },
  'connection.testOk': {
    nl: 'De verbinding werkt. Werkgevers die deze Loket-gebruiker ziet: {employers}',
    en: 'The connection works. Employers this Loket user sees: {employers}',
  },
  'connection.oauth': { nl: 'Koppelen met Loket', en: 'Connect with Loket' },
  'connection.oauthIntro': {
    nl: 'De standaardmanier: u logt in bij Loket als de Loket-gebruiker van de koppeling en geeft toestemming. Er wordt geen wachtwoord opgeslagen.',
    en: "The standard way: you sign in at Loket as the link's Loket user and grant access. No password is stored.",
  },
  'connection.passwordTitle': {
    nl: 'Of: inloggen met gebruikersnaam en wachtwoord',
    en: 'Or: sign in with a user name and password',
  },
  'connection.passwordIntro': {
    nl: 'Alleen voor een Loket-client waarvoor Loket het inloggen met een wachtwoord bij uitzondering heeft aangezet. De koppeling logt dan zelf in als deze gebruiker.',
    en: 'Only for a Loket client for which Loket switched on signing in with a password, by exception. The link then signs in as this user itself.',
  },
  'connection.environmentCodeHint': {
    nl: 'Optioneel: de naam (of het id) van de Loket-provider, de salarisomgeving waar deze gebruiker hoort. Na het inloggen controleert de koppeling dat de gebruiker bij precies die provider uitkomt, en weigert de verbinding als dat niet zo is.',
    en: 'Optional: the name (or id) of the Loket provider, the payroll environment this user belongs to. After signing in, the link checks that the user reaches exactly that provider, and refuses the connection if not.',
  },
  'connection.oauthButton': { nl: 'Koppelen met Loket', en: 'Connect with Loket' },
  'connection.oauthDone': {
    nl: 'De koppeling met Loket is gemaakt.',
    en: 'The connection with Loket has been made.',
  },
  'connection.oauthFailed': {
    nl: 'Koppelen met Loket is niet gelukt. Probeer het opnieuw.',
    en: 'Connecting with Loket did not work. Try again.',
  },
  'connection.method.oauth': {
    nl: 'Gekoppeld via inloggen bij Loket',
    en: 'Connected by signing in at Loket',
  },

  'admin.title': { nl: 'Administratie {name}', en: 'Administration {name}' },
  'admin.coc': { nl: 'KvK-nummer', en: 'Chamber of Commerce number' },
  'admin.standard': { nl: 'Standaardadministratie', en: 'Standard administration' },
  'admin.relation': { nl: 'Relatiecode (cliëntnummer uit Loket)', en: 'Relation code (Loket client number)' },
  'admin.relationHint': {
    nl: 'Het cliëntnummer van deze administratie in Loket. Leeg maken ontkoppelt de administratie.',
    en: 'The client number of this administration in Loket. Emptying it unlinks the administration.',
  },
  'admin.resolved': {
    nl: 'Gekoppeld aan de Loket-loonadministratie: {name}',
    en: 'Linked to the Loket payroll administration: {name}',
  },
  'admin.mismatch.title': {
    nl: 'Dit cliëntnummer hoort bij een ander bedrijf',
    en: 'This client number belongs to another company',
  },
  'admin.mismatch.intro': {
    nl: 'Cliëntnummer {number} is in Loket van een ander bedrijf dan deze administratie in Yuki (KvK-nummer en naam verschillen). Niet opgeslagen.',
    en: 'In Loket, client number {number} belongs to another company than this administration in Yuki (Chamber of Commerce number and name differ). Not saved.',
  },
  'admin.mismatch.yuki': { nl: 'Yuki (deze administratie)', en: 'Yuki (this administration)' },
  'admin.mismatch.loket': { nl: 'Loket (dit cliëntnummer)', en: 'Loket (this client number)' },
  'admin.mismatch.payroll': { nl: 'Loonadministratie', en: 'Payroll administration' },
  'admin.mismatch.taxNumber': { nl: 'Loonheffingennummer', en: 'Payroll tax number' },
  'admin.mismatch.ask': {
    nl: 'Klopt het toch? Dan wordt de loonadministratie van dit bedrijf in deze Yuki-administratie geboekt; het audit-log legt vast dat je dat bevestigde.',
    en: "Is it right after all? Then this company's payroll is booked in this Yuki administration; the audit log records that you confirmed it.",
  },
  'admin.mismatch.confirm': { nl: 'Toch koppelen', en: 'Link anyway' },
  'admin.notResolved': { nl: 'Nog niet gekoppeld aan Loket.', en: 'Not linked to Loket yet.' },
  'admin.relationNumber': {
    nl: 'Vul een cliëntnummer in (alleen cijfers).',
    en: 'Enter a client number (digits only).',
  },
  'admin.linkSettings': { nl: 'Instellingen van de koppeling', en: 'Link settings' },
  'admin.importFrom': { nl: 'Eerste periode om te importeren', en: 'First period to import' },
  'admin.importFromHint': {
    nl: 'Bijvoorbeeld 2026-10 (jaar-periode). Leeg: de huidige periode.',
    en: 'For example 2026-10 (year-period). Empty: the current period.',
  },
  'admin.autoImport': { nl: 'Automatisch importeren', en: 'Import automatically' },
  'admin.autoImport.default': { nl: 'Zoals het portaal', en: 'As the portal' },
  'admin.netPay': {
    nl: 'Looncomponent voor het nettoloon (nummer)',
    en: 'Payroll component for net pay (number)',
  },
  'admin.notLinkable': {
    nl: 'Deze administratie is niet de standaardadministratie en heeft geen actieve contractregel. Vraag die aan bij het contract van het domein.',
    en: 'This administration is not the standard one and has no active contract line. Request one on the domain contract.',
  },

  'service.title': { nl: 'Loket service', en: 'Loket service' },
  'service.intro': {
    nl: 'Loonstroken, loonjournaalposten en loonaangiften uit Loket voor administratie {name}',
    en: 'Payslips, payroll journal entries and payroll tax returns from Loket for administration {name}',
  },
  'service.link': { nl: 'Stand van de koppeling', en: 'State of the link' },
  'service.payrollAdministration': { nl: 'Loket-loonadministratie', en: 'Loket payroll administration' },
  'service.connection': { nl: 'Loket-verbinding van het domein', en: "The domain's Loket connection" },
  'service.import': { nl: 'Importeren', en: 'Importing' },
  'service.quotaWaiting.one': {
    nl: '{items} wacht op het Yuki-dagquotum van dit domein; de import gaat verder vanaf {at}.',
    en: "{items} is waiting for this domain's daily Yuki quota; the import goes on from {at}.",
  },
  'service.quotaWaiting.other': {
    nl: '{items} wachten op het Yuki-dagquotum van dit domein; de import gaat verder vanaf {at}.',
    en: "{items} are waiting for this domain's daily Yuki quota; the import goes on from {at}.",
  },
  'service.waiting.payslip.one': { nl: '{count} loonstrook', en: '{count} payslip' },
  'service.waiting.payslip.other': { nl: '{count} loonstroken', en: '{count} payslips' },
  'service.waiting.journal.one': { nl: '{count} loonjournaalpost', en: '{count} payroll journal entry' },
  'service.waiting.journal.other': {
    nl: '{count} loonjournaalposten',
    en: '{count} payroll journal entries',
  },
  'service.waiting.tax_return.one': { nl: '{count} loonaangifte', en: '{count} payroll tax return' },
  'service.waiting.tax_return.other': { nl: '{count} loonaangiften', en: '{count} payroll tax returns' },
  'import.now': { nl: 'Nu importeren', en: 'Import now' },
  'import.nowHint': {
    nl: 'Haalt op wat Loket heeft en Yuki nog mist, in de huidige periode en de perioden ervoor.',
    en: 'Fetches what Loket has and Yuki still lacks, in the current period and the periods before it.',
  },
  'import.requested': {
    nl: 'De import is aangevraagd. De voortgang staat hieronder.',
    en: 'The import has been requested. Its progress is shown below.',
  },
  'import.grid': { nl: 'Per periode', en: 'Per period' },
  'import.period': { nl: 'Periode', en: 'Period' },
  'import.kind.payslip': { nl: 'Loonstroken', en: 'Payslips' },
  'import.kind.journal': { nl: 'Journaalpost', en: 'Journal entry' },
  'import.kind.tax_return': { nl: 'Loonaangifte', en: 'Tax return' },
  'import.cell.posted': { nl: '{count} geïmporteerd', en: '{count} imported' },
  'import.cell.waiting': { nl: '{count} wacht op Yuki-quotum', en: '{count} waiting for Yuki quota' },
  'import.cell.failed': { nl: '{count} mislukt', en: '{count} failed' },
  'import.cell.open': { nl: '{count} bezig', en: '{count} in progress' },
  'import.cell.skipped': { nl: '{count} overgeslagen', en: '{count} skipped' },
  'import.cell.testYear': {
    nl: '{count} testjaar — niet geïmporteerd',
    en: '{count} test year — not imported',
  },
  'import.cell.needsCheck': { nl: '{count} controleren in Yuki', en: '{count} to check in Yuki' },
  'import.checks': { nl: 'Controleren in Yuki', en: 'Check in Yuki' },
  'import.checksHint': {
    nl: 'Een eerdere poging kan deze documenten al in Yuki hebben gezet, maar Yuki antwoordde niet en de zoekfunctie van Yuki vindt ze hier niet zeker terug. Kijk in Yuki of ze er staan; tot dan wordt niets geboekt.',
    en: 'An earlier attempt may already have put these documents in Yuki, but Yuki did not answer and Yuki’s search cannot be relied on to find them here. Look in Yuki whether they are there; nothing is posted until then.',
  },
  'import.check.inYuki': { nl: 'Staat in Yuki — markeer als geboekt', en: 'It is in Yuki — mark as posted' },
  'import.check.notInYuki': { nl: 'Staat niet in Yuki — boek het', en: 'It is not in Yuki — post it' },
  'import.check.documentId': {
    nl: 'Yuki-document-ID (als je het hebt)',
    en: 'Yuki document ID (if you have it)',
  },
  'import.check.done': {
    nl: 'Vastgelegd. Wat nog moest gebeuren, gebeurt nu.',
    en: 'Recorded. What was left to do is being done now.',
  },
  'import.check.notWaiting': {
    nl: 'Dit document wacht niet (meer) op controle in Yuki; misschien heeft iemand anders het al afgehandeld.',
    en: 'This document is not (or no longer) waiting for a check in Yuki; someone else may have settled it.',
  },
  'import.details': { nl: 'Details', en: 'Details' },
  'import.cell.none': { nl: 'Nog niet in Loket', en: 'Not yet in Loket' },
  'import.cell.unchecked': { nl: 'Nog niet opgehaald', en: 'Not fetched yet' },
  'import.windowUnknown': {
    nl: 'Loket gaf de soort perioden niet door; hieronder staan de perioden die al bekend zijn.',
    en: 'Loket did not tell the kind of periods; below are the periods already known.',
  },
  'import.progress': { nl: 'Voortgang van de laatste import', en: 'Progress of the latest import' },
  'import.progressKind': { nl: '{kind}: {done} van {total}', en: '{kind}: {done} of {total}' },
  'import.progressWaiting': { nl: 'Wacht op de verwerking…', en: 'Waiting to be processed…' },
  'import.progressNone': { nl: 'Er is nog niet geïmporteerd.', en: 'Nothing has been imported yet.' },
  'import.progressNothing': {
    nl: 'Er was niets te importeren.',
    en: 'There was nothing to import.',
  },
  'import.backfill': { nl: 'Oudere perioden importeren', en: 'Import earlier periods' },
  'import.backfillHint': {
    nl: 'Perioden als 2026-08 (jaar-periode). Eerst ziet u wat er geïmporteerd zou worden.',
    en: 'Periods such as 2026-08 (year-period). First you see what would be imported.',
  },
  'import.from': { nl: 'Van periode', en: 'From period' },
  'import.to': { nl: 'Tot en met periode', en: 'Up to and including period' },
  'import.preview': { nl: 'Voorbeeld bekijken', en: 'Preview' },
  'import.previewTitle': { nl: 'Dit wordt geïmporteerd', en: 'This will be imported' },
  'import.previewLanguage': {
    nl: 'Per periode, wat Loket heeft en Yuki nog niet:',
    en: 'Per period, what Loket has and Yuki lacks (in Dutch):',
  },
  'import.nothingToConfirm': {
    nl: 'Er is in deze periodes niets nieuws te importeren, dus ook niets te bevestigen.',
    en: 'There is nothing new to import in these periods, so nothing to confirm.',
  },
  'import.exported.warning': {
    nl: 'Loket meldt {count} journaalrun(s) in deze periodes als al geëxporteerd door een andere toepassing (Loket meldt niet welke, en ook niet wanneer). Neem ze alleen mee als ze niet al op een andere manier in Yuki staan: anders staat de journaalpost er twee keer in.',
    en: 'Loket shows {count} journal run(s) in these periods as already exported by another application (Loket does not say which, nor when). Include them only if they are not in Yuki some other way already: otherwise the journal entry is there twice.',
  },
  'import.exported.include': {
    nl: 'Geëxporteerde journaalrun toch meenemen',
    en: 'Include the exported journal run anyway',
  },
  'import.exported.included': {
    nl: 'Let op: de journaalruns die een andere toepassing al exporteerde zijn meegenomen. Het audit-log legt vast dat je dat koos.',
    en: 'Note: the journal runs another application already exported are included. The audit log records that you chose this.',
  },
  'import.confirm': { nl: 'Importeren bevestigen', en: 'Confirm the import' },
  'import.periodInvalid': {
    nl: 'Vul een periode in als 2026-08.',
    en: 'Enter a period such as 2026-08.',
  },
  'import.periodOrder': {
    nl: 'De eerste periode moet vóór of gelijk aan de laatste liggen.',
    en: 'The first period must come before or equal the last.',
  },
  'import.history': { nl: 'Geschiedenis', en: 'History' },
  'import.historyEmpty': { nl: 'Nog geen imports.', en: 'No imports yet.' },
  'import.when': { nl: 'Gestart', en: 'Started' },
  'import.who': { nl: 'Door', en: 'By' },
  'import.trigger': { nl: 'Aanleiding', en: 'Trigger' },
  'import.result': { nl: 'Resultaat', en: 'Result' },
  'import.trigger.manual': { nl: 'Nu importeren', en: 'Import now' },
  'import.trigger.schedule': { nl: 'Automatisch', en: 'Automatic' },
  'import.trigger.backfill': { nl: 'Oudere perioden', en: 'Earlier periods' },
  'import.run.planning': { nl: 'wordt gepland', en: 'being planned' },
  'import.run.running': { nl: 'loopt', en: 'running' },
  'import.run.done': { nl: 'klaar', en: 'done' },
  'import.run.failed': { nl: 'mislukt', en: 'failed' },
  'import.outcome.busy': { nl: 'bezig', en: 'in progress' },
  'import.outcome.waiting_quota': { nl: 'wacht op Yuki-quotum', en: 'waiting for Yuki quota' },
  'import.outcome.needs_check': { nl: 'controleren in Yuki', en: 'check in Yuki' },
  'import.outcome.partly_failed': { nl: 'deels mislukt', en: 'partly failed' },
  'import.outcome.failed': { nl: 'mislukt', en: 'failed' },
  'import.outcome.posted': { nl: 'geboekt', en: 'posted' },
  'import.outcome.nothing': { nl: 'niets te boeken', en: 'nothing to post' },
  'import.outcome': { nl: 'Uitkomst: {outcome}', en: 'Outcome: {outcome}' },
  'import.bar.posted': { nl: '{count} geboekt', en: '{count} posted' },
  'import.bar.of': { nl: '{kind}: {posted} van {total} geboekt', en: '{kind}: {posted} of {total} posted' },
  'import.groups': { nl: 'Wat een mens moet oplossen', en: 'What a person needs to fix' },
  'import.groups.count': { nl: '{count} documenten ({kind})', en: '{count} documents ({kind})' },
  'import.groups.countOne': { nl: '1 document ({kind})', en: '1 document ({kind})' },
  'import.groups.fix': { nl: 'Oplossing', en: 'Fix' },
  'import.groups.who': { nl: 'Wie kan dit', en: 'Who can do this' },
  'import.groups.where': { nl: 'Ga naar {place}', en: 'Go to {place}' },
  'import.groups.items': { nl: 'Toon de documenten', en: 'Show the documents' },
  'import.groups.ownText': {
    nl: 'De documenten zeggen elk wat er misging; zie hieronder.',
    en: 'Each document says what went wrong; see below.',
  },
  'import.fixAt.administration': { nl: 'het tabblad Administratie', en: 'the Administration tab' },
  'import.fixAt.domain_loket': {
    nl: 'de Loket-instellingen van het domein',
    en: "the domain's Loket settings",
  },
  'import.fixAt.portal_loket': {
    nl: 'de Loket-instellingen van het portaal',
    en: "the portal's Loket settings",
  },
  'import.fixAt.import': { nl: 'Nu importeren', en: 'Import now' },
  'import.failures': { nl: 'Mislukt', en: 'Failed' },
  'import.failuresHint': {
    nl: 'Wat er misging en wat u kunt doen. Na het oplossen pakt "Nu importeren" ze opnieuw op.',
    en: 'What went wrong and what you can do. Once solved, "Import now" picks them up again.',
  },
  'import.skipped': { nl: 'Niet geïmporteerd', en: 'Not imported' },
  'import.skippedCount': { nl: '{count} stuks', en: '{count} items' },
  'import.warnings': { nl: 'Waarschuwingen bij de controletotalen', en: 'Control-total warnings' },
  'import.documents': { nl: 'Geboekt in Yuki', en: 'Posted in Yuki' },
  'import.subject': { nl: 'Omschrijving', en: 'Description' },
  'import.amount': { nl: 'Bedrag', en: 'Amount' },
  'import.payslipsFolded': {
    nl: '{count} loonstroken, samen netto {amount}',
    en: '{count} payslips, net {amount} in total',
  },
  'import.payslipsOf': { nl: 'Loonstroken {period}', en: 'Payslips {period}' },
  'import.document': { nl: 'Yuki-document', en: 'Yuki document' },
  'import.viewer': { nl: 'Bekijk in de Yuki-sandbox', en: 'View in the Yuki sandbox' },
  'import.documentsEmpty': {
    nl: 'Nog niets geboekt in deze perioden.',
    en: 'Nothing posted in these periods yet.',
  },
  'import.progressUpdated': {
    nl: 'De tabel per periode en de geschiedenis hieronder zijn bijgewerkt.',
    en: 'The table per period and the history below are up to date.',
  },
  'import.openYuki': {
    nl: 'Open het domein in Yuki en zoek daar op dit document-ID',
    en: 'Open the domain in Yuki and search there for this document ID',
  },
  'journal.title': { nl: 'Geboekte journaalposten', en: 'Posted journal entries' },
  'journal.hint': {
    nl: 'De regels zoals ze naar Yuki zijn gestuurd, met de grootboekrekeningen van Yuki.',
    en: "The lines as they were sent to Yuki, with Yuki's GL accounts.",
  },
  'journal.lines': { nl: 'Regels van {title}', en: 'Lines of {title}' },
  'journal.date': { nl: 'Boekdatum', en: 'Entry date' },
  'journal.account': { nl: 'Grootboekrekening', en: 'GL account' },
  'journal.costCenter': { nl: 'Kostenplaats', en: 'Cost centre' },
  'journal.debit': { nl: 'Debet', en: 'Debit' },
  'journal.credit': { nl: 'Credit', en: 'Credit' },
  'journal.total': { nl: 'Totaal', en: 'Total' },
  'journal.project': { nl: 'Yuki-project', en: 'Yuki project' },
  'journal.notRecorded': {
    nl: 'De regels van deze journaalpost zijn niet bewaard: hij is eerder geboekt of na een onderbreking in Yuki teruggevonden. Bekijk hem in Yuki.',
    en: 'The lines of this journal entry were not kept: it was posted earlier or found again in Yuki after an interruption. View it in Yuki.',
  },

  'operator.title': { nl: 'Operatorconsole', en: 'Operator console' },
  'operator.requests': { nl: 'Aanvragen voor contractregels', en: 'Contract-line requests' },
  'operator.noRequests': { nl: 'Er zijn geen aanvragen.', en: 'There are no requests.' },
  'operator.portal': { nl: 'Portaal', en: 'Portal' },
  'operator.domain': { nl: 'Domein', en: 'Domain' },
  'operator.requestedBy': { nl: 'Aangevraagd door', en: 'Requested by' },
  'operator.requestedAt': { nl: 'Datum', en: 'Date' },
  'operator.note': { nl: 'Toelichting (optioneel)', en: 'Note (optional)' },
  'operator.grant': { nl: 'Toekennen', en: 'Grant' },
  'operator.refuse': { nl: 'Weigeren', en: 'Refuse' },
  'operator.revoke': { nl: 'Intrekken', en: 'Revoke' },
  'operator.decided': {
    nl: 'Het besluit is opgeslagen en de aanvrager is gemaild.',
    en: 'The decision is saved and the requester has been e-mailed.',
  },
  'operator.portals': { nl: 'Portalen', en: 'Portals' },
  'operator.refusals': { nl: 'Geweigerde verzoeken', en: 'Refused requests' },
  'operator.refusalsIntro': {
    nl: 'Mislukte inlogpogingen en verzoeken zonder toegang van de afgelopen 7 dagen, geteld per persoon, route en uur.',
    en: 'Failed sign-ins and requests without access in the last 7 days, counted per person, route and hour.',
  },
  'audit.refusalsIntro': {
    nl: 'Verzoeken in dit portaal die geweigerd zijn (geen rechten, feature ontbreekt) in de afgelopen 7 dagen, geteld per persoon, route en uur.',
    en: 'Requests in this portal that were refused (no rights, feature missing) in the last 7 days, counted per person, route and hour.',
  },
  'operator.noRefusals': { nl: 'Er zijn geen geweigerde verzoeken.', en: 'There are no refused requests.' },
  'operator.refusalHour': { nl: 'Uur', en: 'Hour' },
  'operator.refusalActor': { nl: 'Wie', en: 'Who' },
  'operator.refusalAction': { nl: 'Handeling', en: 'Action' },
  'operator.refusalRoute': { nl: 'Route', en: 'Route' },
  'operator.refusalReason': { nl: 'Laatste reden', en: 'Last reason' },
  'operator.refusalCount': { nl: 'Aantal', en: 'Count' },
  'operator.newPortal': { nl: 'Nieuw portaal', en: 'New portal' },
  'operator.create': { nl: 'Portaal aanmaken', en: 'Create portal' },
  'operator.created': { nl: 'Het portaal is aangemaakt.', en: 'The portal has been created.' },

  'audit.title': { nl: 'Auditlog', en: 'Audit log' },
  'audit.intro': {
    nl: 'Wie wat heeft gewijzigd. Alleen de namen van gewijzigde velden worden bewaard, nooit de waarden.',
    en: 'Who changed what. Only the names of changed fields are kept, never their values.',
  },
  'audit.at': { nl: 'Tijdstip', en: 'Time' },
  'audit.actor': { nl: 'Door', en: 'By' },
  'audit.action': { nl: 'Handeling', en: 'Action' },
  'audit.fields': { nl: 'Gewijzigde velden', en: 'Changed fields' },
  'audit.outcome': { nl: 'Uitkomst', en: 'Outcome' },
  'audit.outcome.ok': { nl: 'gelukt', en: 'done' },
  'audit.outcome.refused': { nl: 'geweigerd', en: 'refused' },
  'audit.outcome.failed': { nl: 'mislukt', en: 'failed' },
  'audit.empty': { nl: 'Nog geen gebeurtenissen.', en: 'No events yet.' },
  'audit.older': { nl: 'Oudere gebeurtenissen', en: 'Older events' },

  'nav.health': { nl: 'Importstatus', en: 'Import status' },
  'health.title': { nl: 'Importstatus', en: 'Import status' },
  'health.intro': {
    nl: 'Alle administraties van de koppeling met hun imports in de laatste {periods} perioden, vanaf {from}. Administraties met mislukte imports staan bovenaan.',
    en: 'Every administration of the link with its imports in the last {periods} periods, from {from} on. Administrations with failed imports come first.',
  },
  'health.imports': { nl: 'Imports per administratie', en: 'Imports per administration' },
  'health.administration': { nl: 'Administratie', en: 'Administration' },
  'health.domain': { nl: 'Domein', en: 'Domain' },
  'health.period': { nl: 'Periode', en: 'Period' },
  'health.failedTotal': { nl: '{count} mislukt in totaal', en: '{count} failed in all' },
  'health.noImports': { nl: 'Nog niets geïmporteerd vanaf {from}.', en: 'Nothing imported from {from} on.' },
  'health.noneLinked': {
    nl: 'Er is nog geen administratie met een complete koppeling.',
    en: 'No administration has a complete link yet.',
  },
  'health.cell.posted': { nl: '{count} geïmporteerd', en: '{count} imported' },
  'health.cell.open': { nl: '{count} wacht', en: '{count} waiting' },
  'health.cell.waitingForQuota': { nl: '{count} wacht op Yuki-quotum', en: '{count} waiting for Yuki quota' },
  'health.cell.failed': { nl: '{count} mislukt', en: '{count} failed' },
  'health.cell.skipped': { nl: '{count} overgeslagen', en: '{count} skipped' },
  'health.cell.needsCheck': { nl: '{count} controleren in Yuki', en: '{count} to check in Yuki' },
  'health.needsCheckTotal': { nl: '{count} te controleren in Yuki', en: '{count} to check in Yuki' },
  'health.cell.nothing': { nl: 'Niets uit Loket', en: 'Nothing from Loket' },
  'deprecations.title': {
    nl: 'Loket stopt met API-versies die de koppeling gebruikt',
    en: 'Loket is retiring API versions the link uses',
  },
  'deprecations.intro': {
    nl: 'Loket heeft aangekondigd dat deze versies van zijn API na de genoemde datum niet meer beschikbaar zijn. Zonder een nieuwere versie van de koppeling stopt de import dan; meld het bij de beheerder van de koppeling.',
    en: 'Loket announced that these versions of its API will no longer be available after the date shown. Without a newer version of the link, imports stop then; tell whoever runs the link.',
  },
  'deprecations.resource': { nl: 'Loket-onderdeel', en: 'Loket resource' },
  'deprecations.version': { nl: 'Versie', en: 'Version' },
  'deprecations.obsoleteDate': { nl: 'Niet meer beschikbaar na', en: 'No longer available after' },
  'deprecations.lastSeen': { nl: 'Laatst gezien', en: 'Last seen' },
  'health.quota': { nl: 'Yuki-quotum vandaag', en: "Today's Yuki quota" },
  'health.quotaIntro': {
    nl: 'Yuki staat per domein een vast aantal webservice-aanroepen per dag toe. Wat op het quotum wacht, gaat vanzelf verder zodra het weer is aangevuld.',
    en: 'Yuki allows each domain a fixed number of web-service calls a day. What waits for the quota goes on by itself once it is topped up.',
  },
  'health.quotaWaiting': { nl: 'Wacht op het quotum', en: 'Waiting for the quota' },
  'health.quotaLeft': { nl: 'Nog over vandaag', en: 'Left today' },
  'health.quotaUsed': { nl: 'Gebruikt', en: 'Used' },
  'health.quotaUsedOf': { nl: '{used} van {limit}', en: '{used} of {limit}' },
  'health.quotaResets': { nl: 'Weer aangevuld op', en: 'Topped up at' },
  'health.quotaSpent': { nl: 'op voor vandaag', en: 'used up for today' },
  'health.quotaUnknown': {
    nl: 'Niet bekend: het domein heeft geen Yuki-domein-ID.',
    en: 'Not known: the domain has no Yuki domain ID.',
  },
  'health.noDomains': {
    nl: "Geen enkel domein heeft de feature 'Salariskoppeling met Loket' op het contract.",
    en: "No domain has the feature 'Salariskoppeling met Loket' on its contract.",
  },
  'health.incomplete': { nl: 'Koppeling nog niet compleet', en: 'Link not complete yet' },
  'health.incompleteIntro': {
    nl: 'Deze administraties importeren pas als geregeld is wat ontbreekt.',
    en: 'These administrations only import once what is missing has been fixed.',
  },
  'health.missing': {
    nl: 'Wat ontbreekt, en wie het kan regelen',
    en: 'What is missing, and who can fix it',
  },
  'health.search': { nl: 'Zoek op naam of cliëntnummer', en: 'Search by name or client number' },
  'health.searchButton': { nl: 'Zoeken', en: 'Search' },
  'health.pageOf': {
    nl: 'Administratie {from}–{to} van {total}',
    en: 'Administration {from}–{to} of {total}',
  },
  'health.previous': { nl: 'Vorige', en: 'Previous' },
  'health.next': { nl: 'Volgende', en: 'Next' },
  'health.noMatch': {
    nl: 'Geen administratie gevonden voor “{q}”.',
    en: 'No administration found for “{q}”.',
  },
  'health.notInLink': {
    nl: 'Administraties die niet meedoen aan de koppeling (niet de standaardadministratie, geen actieve contractregel en geen Relatiecode): {count}.',
    en: 'Administrations not part of the link (not the standard administration, no active contract line and no relation code): {count}.',
  },

  'error.403.title': { nl: 'Geen toegang', en: 'No access' },
  'error.403.role': {
    nl: 'Uw rol geeft hier geen toegang toe.',
    en: 'Your role does not give access to this.',
  },
  'error.403.feature_missing': {
    nl: "Het contract van dit domein heeft de feature 'Salariskoppeling met Loket' niet.",
    en: "This domain's contract lacks the feature 'Salariskoppeling met Loket'.",
  },
  'error.403.who': { nl: 'Dit kan wel: {roles}.', en: 'This can be done by: {roles}.' },
  'error.404.title': { nl: 'Niet gevonden', en: 'Not found' },
  'error.404.text': {
    nl: 'Deze pagina bestaat niet, of u heeft er geen toegang toe.',
    en: 'This page does not exist, or you have no access to it.',
  },
  'error.home': { nl: 'Naar het overzicht', en: 'Go to the overview' },
  'error.400.title': { nl: 'Ongeldig verzoek', en: 'Invalid request' },
  'error.400.text': {
    nl: 'Een van de ingevulde waarden kan niet worden opgeslagen (bijvoorbeeld een onzichtbaar teken of een te groot getal).',
    en: 'One of the values cannot be stored (for instance an invisible character or too large a number).',
  },
  'error.400.back': {
    nl: 'Het terugadres is geen pagina van deze site; er is niet doorverwezen.',
    en: 'The return address is not a page of this site; you have not been redirected.',
  },
  'error.413.title': { nl: 'Te groot', en: 'Too large' },
  'error.413.text': {
    nl: 'Wat u verstuurde is groter dan deze site aanneemt ({limit}).',
    en: 'What you sent is larger than this site accepts ({limit}).',
  },
  ...AUDIT_MESSAGES,
  ...HELP_MESSAGES,
  ...FORM_MESSAGES,
} as const satisfies Record<string, Entry>;

export type MessageKey = keyof typeof MESSAGES;
export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

export function translator(locale: Locale): Translate {
  return (key, params = {}) =>
    MESSAGES[key][locale].replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in params ? String(params[name]) : whole,
    );
}

/** `{name}` placeholders of a text, for the completeness test. */
export function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!).sort();
}
