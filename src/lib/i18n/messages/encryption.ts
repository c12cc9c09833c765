/**
 * Messages of the encryption feature, in both languages. Spread into `en.ts` and `zh-cn.ts`, so each
 * feature keeps its own strings and the key check still covers them.
 */
export const encryptionEn = {
  'nav.encryption': 'Encryption',

  'encryption.error.locked':
    'This workspace is encrypted, or encryption was switched on or off in another tab. Reload the page and enter the passphrase.',
  'encryption.error.wrongPassphrase':
    'That passphrase is not correct. Nothing was changed; check the keyboard layout and Caps Lock, then try again.',
  'encryption.error.weakPassphrase': 'The passphrase is too short: use at least 8 characters.',
  'encryption.error.state':
    'Encryption was already switched on or off (perhaps in another tab). Reload the page to see its current state.',
  'encryption.problem.changed':
    'Encryption was switched on or off in another tab. This tab no longer saves anything; reload it (and unlock it if asked).',

  'encryption.lock.title': 'This workspace is locked',
  'encryption.lock.intro':
    'Its data is encrypted in this browser. Enter the passphrase to open it. Each tab is unlocked on its own; the passphrase is not stored.',
  'encryption.lock.passphrase': 'Passphrase',
  'encryption.lock.unlock': 'Unlock',
  'encryption.lock.unlocking': 'Checking the passphrase… this takes a few seconds.',
  'encryption.lock.forgot':
    'Forgotten the passphrase? Then the data in this browser cannot be recovered by anyone; only a .sqlite backup you downloaded earlier can bring it back.',

  'encryption.title': 'Encryption at rest',
  'encryption.intro':
    'Encrypts everything this app stores in the browser (the database, its change log and stored backups) with a key derived from a passphrase, so someone who copies the browser profile cannot read your customers. The passphrase is asked for each time the app is opened.',
  'encryption.on': 'On',
  'encryption.off': 'Off',
  'encryption.state': 'Status',
  'encryption.method': 'Method',
  'encryption.methodValue': 'AES-256-GCM; key from PBKDF2-SHA-256, {iterations} iterations',
  'encryption.enabledAt': 'Switched on',
  'encryption.passphraseChangedAt': 'Passphrase changed',
  'encryption.warningTitle': 'Before you switch it on',
  'encryption.warningLost':
    'If you forget the passphrase, the data cannot be recovered — not by you, not by anyone. There is no reset.',
  'encryption.warningBackup':
    'Download a .sqlite backup first and keep it somewhere safe. Note that the downloaded file is not encrypted (by design, so any SQLite tool can open it): protect it like the data itself.',
  'encryption.downloadBackup': 'Download backup (.sqlite)',
  'encryption.passphrase': 'Passphrase',
  'encryption.passphraseHint':
    'At least {min} characters. A few unrelated words are easy to type and hard to guess.',
  'encryption.confirmPassphrase': 'Repeat the passphrase',
  'encryption.mismatch': 'The two passphrases are not the same.',
  'encryption.understand': 'I understand that a forgotten passphrase means the data cannot be recovered.',
  'encryption.enable': 'Switch encryption on',
  'encryption.enabled':
    'Encryption is on. Remember the passphrase: it will be asked for when the app is opened.',
  'encryption.plainDownloads':
    'Backups you download as .sqlite files are not encrypted, so any SQLite tool can open them: keep them safe.',
  'encryption.changeTitle': 'Change the passphrase',
  'encryption.currentPassphrase': 'Current passphrase',
  'encryption.newPassphrase': 'New passphrase',
  'encryption.confirmNewPassphrase': 'Repeat the new passphrase',
  'encryption.change': 'Change passphrase',
  'encryption.changed':
    'The passphrase was changed. Use the new one from now on; the old one no longer works.',
  'encryption.disableTitle': 'Switch encryption off',
  'encryption.disableText':
    'Decrypts the stored data back to plain form in this browser. Enter the current passphrase to confirm.',
  'encryption.disable': 'Switch encryption off',
  'encryption.disabled': 'Encryption is off. The data in this browser is stored unencrypted again.',
  'encryption.phase.deriving': 'Deriving the key from the passphrase… this takes a few seconds.',
  'encryption.phase.encrypting': 'Encrypting stored data: {done} of {total} pieces',
  'encryption.phase.decrypting': 'Decrypting stored data: {done} of {total} pieces',
  'encryption.working': 'Working…',
};

export const encryptionZhCN: Record<keyof typeof encryptionEn, string> = {
  'nav.encryption': '加密',

  'encryption.error.locked': '此工作区已加密，或其他标签页刚刚开启或关闭了加密。请刷新页面并输入口令。',
  'encryption.error.wrongPassphrase': '口令不正确。没有任何数据被改动；请检查键盘布局和大写锁定后重试。',
  'encryption.error.weakPassphrase': '口令太短：至少需要 8 个字符。',
  'encryption.error.state': '加密已被开启或关闭（可能在其他标签页中）。请刷新页面查看当前状态。',
  'encryption.problem.changed':
    '其他标签页开启或关闭了加密。此标签页不再保存任何内容；请刷新（如有提示请解锁）。',

  'encryption.lock.title': '工作区已锁定',
  'encryption.lock.intro': '此浏览器中的数据已加密。请输入口令打开。每个标签页需各自解锁；口令不会被保存。',
  'encryption.lock.passphrase': '口令',
  'encryption.lock.unlock': '解锁',
  'encryption.lock.unlocking': '正在验证口令……需要几秒钟。',
  'encryption.lock.forgot':
    '忘记口令？那么此浏览器中的数据任何人都无法恢复，只能用您之前下载的 .sqlite 备份找回。',

  'encryption.title': '静态数据加密',
  'encryption.intro':
    '用由口令派生的密钥加密本应用在浏览器中保存的全部内容（数据库、变更日志和已存备份），复制浏览器配置文件的人无法读取您的客户信息。每次打开应用时都需要输入口令。',
  'encryption.on': '已开启',
  'encryption.off': '未开启',
  'encryption.state': '状态',
  'encryption.method': '方式',
  'encryption.methodValue': 'AES-256-GCM；密钥由 PBKDF2-SHA-256 派生，{iterations} 次迭代',
  'encryption.enabledAt': '开启时间',
  'encryption.passphraseChangedAt': '口令修改时间',
  'encryption.warningTitle': '开启之前请注意',
  'encryption.warningLost': '如果忘记口令，数据将无法恢复——您不能，任何人也不能。没有重置办法。',
  'encryption.warningBackup':
    '请先下载一份 .sqlite 备份并妥善保管。注意：下载的文件不加密（这是有意为之，任何 SQLite 工具都能打开），请像保护数据本身一样保护它。',
  'encryption.downloadBackup': '下载备份 (.sqlite)',
  'encryption.passphrase': '口令',
  'encryption.passphraseHint': '至少 {min} 个字符。几个互不相关的词既好输入又难猜。',
  'encryption.confirmPassphrase': '再次输入口令',
  'encryption.mismatch': '两次输入的口令不一致。',
  'encryption.understand': '我明白：忘记口令就无法恢复数据。',
  'encryption.enable': '开启加密',
  'encryption.enabled': '加密已开启。请记住口令：打开应用时需要输入。',
  'encryption.plainDownloads': '下载的 .sqlite 备份文件不加密，任何 SQLite 工具都能打开：请妥善保管。',
  'encryption.changeTitle': '修改口令',
  'encryption.currentPassphrase': '当前口令',
  'encryption.newPassphrase': '新口令',
  'encryption.confirmNewPassphrase': '再次输入新口令',
  'encryption.change': '修改口令',
  'encryption.changed': '口令已修改。今后请使用新口令，旧口令已失效。',
  'encryption.disableTitle': '关闭加密',
  'encryption.disableText': '将此浏览器中保存的数据解密为明文。请输入当前口令确认。',
  'encryption.disable': '关闭加密',
  'encryption.disabled': '加密已关闭。此浏览器中的数据重新以不加密形式保存。',
  'encryption.phase.deriving': '正在由口令派生密钥……需要几秒钟。',
  'encryption.phase.encrypting': '正在加密已存数据：第 {done} / {total} 块',
  'encryption.phase.decrypting': '正在解密已存数据：第 {done} / {total} 块',
  'encryption.working': '处理中……',
};
