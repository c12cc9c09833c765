import { recordsEn } from './records';
import { importDataEn } from './import';
import { historyEn } from './history';
import { duplicatesEn } from './duplicates';
import { sqlConsoleEn } from './sql';
import { ordersEn } from './orders';
import { exportEn } from './export';
import { dashboardEn } from './dashboard';
import { backupsEn } from './backups';
import { encryptionEn } from './encryption';
import { activitiesEn } from './activities';
import { searchEn } from './search';
import { analyticsEn } from './analytics';
import { analyticsDashboardEn } from './analytics-dashboard';
import { analyticsValueEn } from './analytics-value';
import { analyticsSegmentsEn } from './analytics-segments';
import { pipelineEn } from './pipeline';
import { approvalsEn } from './approvals';
import { serviceEn } from './service';
import { marketingEn } from './marketing';
import { automationEn } from './automation';
import { outreachEn } from './outreach';
import { paletteEn } from './palette';
import { scenariosEn } from './scenarios';
import { appUpdateEn } from './app-update';
import { viewLoadingEn } from './view-loading';

/**
 * English messages. This object is the source of the message keys: `zh-CN.ts` is typed against it, so a key
 * missing in either language is a compile error. `{name}` placeholders are filled by `t(key, params)`;
 * `a|b` picks a plural form by `params.count` (English: one|other).
 */
export const en = {
  'app.name': 'Customer Management',
  'app.short': 'CRM',
  'app.skip': 'Skip to main content',
  'app.loading': 'Opening the database…',
  'app.loadingDetail': 'Your data stays in this browser; nothing is sent to a server.',
  'app.loadingSlow':
    'This is taking longer than usual. A large database can take a while; if nothing changes, reload the page.',

  'nav.label': 'Main',
  'nav.customers': 'Customers',
  'nav.settings': 'Settings',

  'header.language': 'Language',
  'header.theme': 'Theme',
  'language.zh-CN': '简体中文',
  'language.en': 'English',
  'theme.system': 'System',
  'theme.light': 'Light',
  'theme.dark': 'Dark',

  'status.label': 'Save status',
  'status.loading': 'Loading…',
  'status.saved': 'Saved',
  'status.saving': 'Saving…',
  'status.error': 'Not saved',
  'status.savedAt': 'Last saved {time}',
  'status.storageUsed': '{size} used',
  'status.readOnly': 'Read-only',

  'boot.failedTitle': 'The database could not be opened',
  'boot.failedIntro': 'Your workspace was not opened, so nothing is shown rather than an empty list.',
  'boot.failedWhat': 'What you can do',
  'boot.tipReload': 'Reload the page; a temporary problem often goes away.',
  'boot.tipPrivate':
    'Private or incognito windows and some browser settings block the storage this app needs. Use a normal window.',
  'boot.tipOtherTab': 'Close other tabs of this app that may be stuck, then reload.',
  'boot.tipSpace': 'If the disk is full, free some space and reload.',
  'boot.detail': 'Technical detail',

  'banner.readOnly':
    'Read-only mode: editing is turned off to protect your data. Download a backup, then reload.',
  'banner.detail': 'Detail',
  'banner.dismiss': 'Dismiss',

  'problem.quota_exceeded':
    'The browser’s storage for this site is full, so your latest change was not saved. Download a backup, free some space (for example by clearing other sites’ data) and press Retry.',
  'problem.append_failed':
    'Your latest change could not be written to browser storage and was not saved. Press Retry; if it keeps failing, download a backup.',
  'problem.damaged_chunk':
    'Part of the saved database is damaged. To protect your data the workspace is read-only. Download a backup now, then reload.',
  'problem.damaged_log':
    'The change log in browser storage is damaged; some recent changes may be missing. The workspace is read-only. Download a backup, then reload.',
  'problem.recovered_from_previous_snapshot':
    'The database was restored from an earlier intact copy. The most recent changes may be missing; please check your data.',
  'problem.newer_schema':
    'This database was saved by a newer version of the app. Reload to get the latest version; until then it is read-only.',
  'problem.unsupported_browser':
    'This browser does not support the storage this app needs (IndexedDB). Your changes cannot be kept. Use a current Chrome, Edge, Firefox or Safari in a normal window.',
  'problem.load_failed':
    'The database could not be loaded from browser storage. Reload the page; if that does not help, download a backup.',
  'problem.checkpoint_failed':
    'Compacting the saved data failed. Your changes are still safe in the log, but storage use will grow. Press Retry later.',

  'error.validation': 'Some fields need attention. Check the messages next to them.',
  'error.not_found': 'This record no longer exists. It may have been deleted in another tab.',
  'error.read_only': 'The workspace is read-only, so changes cannot be saved right now.',
  'error.not_ready': 'The database is still opening. Try again in a moment.',
  'error.quota_exceeded':
    'Not saved: the browser’s storage is full. Your input is kept; free some space and save again.',
  'error.persist_failed': 'Not saved: writing to browser storage failed. Your input is kept; try again.',
  'error.constraint': 'Not saved: this would conflict with other data (for example a duplicate).',
  'error.workflow_failed': 'Not saved: a workflow rule could not run its actions on this change.',
  'error.nothing_to_undo': 'There is nothing to undo any more.',
  'error.unexpected': 'Something went wrong: {message}',
  'error.boundaryTitle': 'This page ran into a problem',
  'error.boundaryText': 'Your data is safe. Try again, or go back to the customer list.',
  'error.tryAgain': 'Try again',

  'field.required': 'This field is required.',
  'field.too_long': 'This is too long. Please shorten it.',
  'field.invalid_email': 'Enter a valid email address, for example name@example.com.',
  'field.invalid_phone': 'Enter a valid phone number, for example +86 138 0013 8000 or 010-1234 5678.',
  'field.invalid_choice': 'Choose one of the options in the list.',
  'field.not_found': 'The selected item no longer exists. Choose another one.',
  'field.invalid_number': 'Enter a number, for example 42 or 19.99.',
  'field.out_of_range': 'This value is outside the allowed range.',
  'field.invalid_date': 'Enter a valid date, for example 2026-03-31.',

  'action.save': 'Save',
  'action.saving': 'Saving…',
  'action.cancel': 'Cancel',
  'action.close': 'Close',
  'action.edit': 'Edit',
  'action.delete': 'Delete',
  'action.deleting': 'Deleting…',
  'action.undo': 'Undo',
  'action.retry': 'Retry',
  'action.reload': 'Reload',
  'action.downloadBackup': 'Download .sqlite backup',
  'action.dismiss': 'Dismiss notification',
  'action.back': 'Back to customers',

  'toast.saved': 'Saved',
  'toast.deleted': 'Deleted “{name}”',
  'toast.restored': 'Restored',
  'toast.region': 'Notifications',
  'toast.backupReady': 'Backup downloaded: {file}',
  'toast.retryOk': 'Storage works again',
  'toast.persistGranted': 'The browser will keep your data',
  'toast.persistDenied': 'The browser did not grant persistent storage',

  'customers.title': 'Customers',
  'customers.new': 'New customer',
  'customers.search': 'Search customers',
  'customers.searchPlaceholder': 'Name, email or phone',
  'customers.stageFilter': 'Stage',
  'customers.ownerFilter': 'Owner',
  'customers.allStages': 'All stages',
  'customers.allOwners': 'All owners',
  'customers.clearFilters': 'Clear filters',
  'customers.total': '{count} customer|{count} customers',
  'customers.counting': 'Counting…',
  'customers.table': 'Customer list',
  'customers.emptyTitle': 'No customers yet',
  'customers.emptyText': 'Add your first customer, or load demo data to explore the app.',
  'customers.noMatchTitle': 'No customers match these filters',
  'customers.noMatchText': 'Try another search term, or clear the filters.',
  'customers.loadFailed': 'The customer list could not be loaded.',
  'customers.loading': 'Loading row',

  'column.name': 'Name',
  'column.kind': 'Type',
  'column.stage': 'Stage',
  'column.owner': 'Owner',
  'column.industry': 'Industry',
  'column.phone': 'Phone',
  'column.email': 'Email',
  'column.updatedAt': 'Updated',
  'column.createdAt': 'Created',

  'kind.company': 'Company',
  'kind.person': 'Person',
  'stage.prospect': 'Prospect',
  'stage.new': 'New',
  'stage.existing': 'Existing',
  'stage.lost': 'Lost',
  'owner.none': 'Unassigned',

  'customerForm.createTitle': 'New customer',
  'customerForm.editTitle': 'Edit customer',
  'customerForm.kind': 'Type',
  'customerForm.name': 'Name',
  'customerForm.stage': 'Stage',
  'customerForm.owner': 'Owner',
  'customerForm.industry': 'Industry',
  'customerForm.address': 'Address',
  'customerForm.phone': 'Phone',
  'customerForm.email': 'Email',
  'customerForm.notes': 'Notes',
  'form.requiredHint': 'required',
  'form.hasErrors': 'Please correct the highlighted fields.',

  'detail.title': 'Customer details',
  'detail.notFoundTitle': 'Customer not found',
  'detail.notFoundText': 'Customer #{id} does not exist. It may have been deleted.',
  'detail.loading': 'Loading customer…',
  'detail.created': 'Created',
  'detail.updated': 'Updated',
  'detail.empty': '—',

  'delete.customerTitle': 'Delete customer',
  'delete.customerText': 'Delete “{name}”?',
  'delete.customerContacts':
    'Its {count} contact will be deleted too.|Its {count} contacts will be deleted too.',
  'delete.customerNoContacts': 'It has no contacts.',
  'delete.undoHint': 'You can undo this right after.',
  'delete.contactTitle': 'Delete contact',
  'delete.contactText': 'Delete contact “{name}”?',

  'contacts.title': 'Contacts',
  'contacts.add': 'Add contact',
  'contacts.empty': 'No contacts yet.',
  'contacts.primary': 'Primary',
  'contacts.actions': 'Actions',
  'contacts.editNamed': 'Edit {name}',
  'contacts.deleteNamed': 'Delete {name}',
  'contactForm.createTitle': 'New contact',
  'contactForm.editTitle': 'Edit contact',
  'contactForm.name': 'Name',
  'contactForm.title': 'Job title',
  'contactForm.phone': 'Phone',
  'contactForm.email': 'Email',
  'contactForm.notes': 'Notes',
  'contactForm.primary': 'Primary contact',
  'contactForm.consent': 'Email outreach',
  'contactForm.unsubscribed': 'Unsubscribed',
  'contactForm.doNotContact': 'Do not contact',
  'contactForm.consentHint': 'Sends to a segment or campaign skip this contact and count it as skipped.',

  'settings.title': 'Settings',
  'settings.appearance': 'Appearance',
  'settings.language': 'Interface language',
  'settings.theme': 'Color theme',
  'settings.storage': 'Storage',
  'settings.used': 'Used / available',
  'settings.usedValue': '{used} of {quota}',
  'settings.unknown': 'Unknown',
  'settings.persistent': 'Persistent storage',
  'settings.persistentYes': 'Yes — the browser will not clear it automatically',
  'settings.persistentNo': 'No — the browser may clear it when space runs low',
  'settings.requestPersistence': 'Request persistent storage',
  'settings.databaseSize': 'Database size',
  'settings.logRecords': 'Log records not yet in a snapshot',
  'settings.refresh': 'Refresh',
  'settings.backup': 'Backup',
  'settings.backupText':
    'Download the whole database as a SQLite file. Keep a copy: some browsers (Safari) erase site data after 7 days without a visit.',
  'settings.downloadBackup': 'Download backup (.sqlite)',
  'settings.checkDatabase': 'Check database',
  'settings.checking': 'Checking…',
  'settings.checkResult': 'Integrity check result',
  'settings.demo': 'Demo data',
  'settings.demoText':
    'Adds sample users, customers, contacts, orders and activities in the current language.',
  'settings.loadDemo': 'Load demo data',
  'settings.loadingDemo': 'Loading demo data…',
  'settings.demoConfirmTitle': 'Load demo data',
  'settings.demoConfirmText':
    'The workspace already has {count} customer. Demo data replaces everything in it: download a backup first to keep it.|The workspace already has {count} customers. Demo data replaces everything in it: download a backup first to keep them.',
  'settings.demoConfirm': 'Replace with demo data',
  'settings.demoDone': 'Demo data loaded: {customers} customers, {contacts} contacts',
  'demo.progress': 'Demo data progress',
  'demo.phase.users': 'Users',
  'demo.phase.customers': 'Customers',
  'demo.phase.contacts': 'Contacts',
  'demo.phase.orders': 'Orders',
  'demo.phase.activities': 'Activities',
  'demo.phase.campaigns': 'Campaigns',
  'demo.phase.leads': 'Leads',
  'demo.phase.opportunities': 'Opportunities',
  'demo.phase.contracts': 'Contracts',
  'demo.phase.cases': 'Service cases',
  'demo.phase.articles': 'Knowledge base',
  'demo.phase.relationships': 'Relationships',
  'demo.phase.members': 'Campaign members',
  'demo.phase.surveys': 'Surveys',
  'demo.phase.saving': 'Saving',

  'notFound.title': 'Page not found',
  'notFound.text': 'There is no page at this address.',

  ...importDataEn,
  ...recordsEn,
  ...historyEn,
  ...duplicatesEn,
  ...sqlConsoleEn,
  ...ordersEn,
  ...exportEn,
  ...dashboardEn,
  ...backupsEn,
  ...encryptionEn,
  ...activitiesEn,
  ...searchEn,
  ...analyticsEn,
  ...analyticsDashboardEn,
  ...analyticsValueEn,
  ...analyticsSegmentsEn,
  ...pipelineEn,
  ...approvalsEn,
  ...serviceEn,
  ...marketingEn,
  ...automationEn,
  ...outreachEn,
  ...paletteEn,
  ...scenariosEn,
  ...appUpdateEn,
  ...viewLoadingEn,
};

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
