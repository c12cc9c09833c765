/**
 * Messages of demo and training scenarios (`?scenario=<name>`): loading, the banner, "Reset scenario" and
 * the training page. Spread into `en.ts` and `zh-cn.ts`, so the key check covers them.
 */
export const scenariosEn = {
  'scenario.banner': 'Training scenario',
  'scenario.bannerNote': 'A separate training workspace: your own data is not shown or changed here.',
  'scenario.progress': '{done} of {total} exercises done',
  'scenario.reset': 'Reset scenario',
  'scenario.resetTitle': 'Reset the scenario?',
  'scenario.resetText':
    'Everything in this training workspace goes back to the scenario’s initial data, and the exercises start over. Your own workspace is not touched.',
  'scenario.resetConfirm': 'Reset',
  'scenario.resetting': 'Resetting…',
  'scenario.resetDone': 'The scenario is back to its initial data.',
  'scenario.loading': 'Loading the training scenario “{name}”…',
  'scenario.failedTitle': 'The training scenario could not be opened',
  'scenario.shipped': 'Scenarios that come with the app:',
  'scenario.openOwn': 'Open your own workspace',
  'scenario.tryAgain': 'Try again',
  'scenario.occupiedTitle': 'This training workspace holds other records',
  'scenario.occupiedText':
    'The workspace of scenario “{name}” contains records that are not the scenario’s (for example demo data loaded here). Loading the scenario replaces them. Your own workspace is not affected.',
  'scenario.load': 'Load the scenario',
  'scenario.error.badName':
    '“{name}” is not a scenario name. Names use lower-case letters, digits and dashes, for example retail.',
  'scenario.error.notFound': 'There is no scenario “{name}”: {url} was not found on this site.',
  'scenario.error.network': 'The scenario file {url} could not be downloaded ({message}).',
  'scenario.error.unexpected': 'Something went wrong while opening the scenario; reload the page.',
  'scenario.error.invalid': 'The scenario file is not valid: {message}',
  'scenario.error.newer': 'This scenario needs a newer version of the app: {message}. Reload to update.',
  'scenario.error.workspace': 'A scenario loads only into its own training workspace: {message}',

  'nav.group.training': 'Training',
  'training.nav': 'Exercises',
  'training.title': 'Training exercises',
  'training.progress': '{done} of {total} done',
  'training.progressLabel': 'Exercises done',
  'training.intro':
    'Work through the exercises in the app. Each one is checked automatically after every change you save.',
  'training.done': 'Done',
  'training.notDone': 'Not done yet',
  'training.problem': 'This exercise cannot be checked: {message}',
  'training.allDone': 'All exercises done. Well done!',
  'training.toastDone': 'Exercise done: {title}',
  'training.loadedAt': 'Loaded {time}',
  'training.dataLanguage':
    'The records are in {language}. Reset the scenario to load them in the language you are using now.',
  'training.noScenario':
    'No training scenario is open. Open one by its address, for example {example}, or ask your trainer for the link.',
} as const;

export const scenariosZhCN: { [K in keyof typeof scenariosEn]: string } = {
  'scenario.banner': '培训场景',
  'scenario.bannerNote': '这是独立的培训工作区：不会显示或修改您自己的数据。',
  'scenario.progress': '已完成 {done}/{total} 个练习',
  'scenario.reset': '重置场景',
  'scenario.resetTitle': '重置场景？',
  'scenario.resetText':
    '此培训工作区中的一切将恢复为场景的初始数据，练习进度从头开始。您自己的工作区不受影响。',
  'scenario.resetConfirm': '重置',
  'scenario.resetting': '正在重置…',
  'scenario.resetDone': '场景已恢复为初始数据。',
  'scenario.loading': '正在加载培训场景“{name}”…',
  'scenario.failedTitle': '无法打开培训场景',
  'scenario.shipped': '应用自带的场景：',
  'scenario.openOwn': '打开我自己的工作区',
  'scenario.tryAgain': '重试',
  'scenario.occupiedTitle': '此培训工作区中有其他记录',
  'scenario.occupiedText':
    '场景“{name}”的工作区中有不属于该场景的记录（例如在此加载的演示数据）。加载场景会替换这些记录。您自己的工作区不受影响。',
  'scenario.load': '加载场景',
  'scenario.error.badName': '“{name}”不是有效的场景名称。名称只能包含小写字母、数字和连字符，例如 retail。',
  'scenario.error.notFound': '没有名为“{name}”的场景：本站点上找不到 {url}。',
  'scenario.error.network': '无法下载场景文件 {url}（{message}）。',
  'scenario.error.unexpected': '打开场景时出错，请重新加载页面。',
  'scenario.error.invalid': '场景文件无效：{message}',
  'scenario.error.newer': '此场景需要更新版本的应用：{message}。请重新加载以更新。',
  'scenario.error.workspace': '场景只能加载到它自己的培训工作区：{message}',

  'nav.group.training': '培训',
  'training.nav': '练习',
  'training.title': '培训练习',
  'training.progress': '已完成 {done}/{total}',
  'training.progressLabel': '已完成的练习',
  'training.intro': '请在应用中完成以下练习。每次保存更改后，系统都会自动检查每个练习。',
  'training.done': '已完成',
  'training.notDone': '未完成',
  'training.problem': '无法检查此练习：{message}',
  'training.allDone': '所有练习均已完成，做得好！',
  'training.toastDone': '练习完成：{title}',
  'training.loadedAt': '加载于 {time}',
  'training.dataLanguage': '记录使用的语言是{language}。重置场景即可按您当前使用的语言加载记录。',
  'training.noScenario': '当前没有打开培训场景。可通过地址打开，例如 {example}，或向培训讲师索取链接。',
};
