import { defineMessages } from '../define.js';

export default defineMessages({
  ja: {
    'shell.banner': 'Shiori へようこそ。/help で使い方、/exit で終了します。コマンドなしの入力は検索になります。',
    'shell.actionHint': '番号を入力するとボタンを押せます。',
    'shell.noSuchChoice': '{number} 番の選択肢はありません。直前の返答の [1]〜[{count}] から選んでください。',
    'shell.goodbye': 'またどうぞ。',
  },
  en: {
    'shell.banner': 'Welcome to Shiori. /help shows how to use it, /exit quits. Text without a command is a search.',
    'shell.actionHint': 'Type a number to press a button.',
    'shell.noSuchChoice': 'There is no choice {number}. Pick one of [1] to [{count}] from the last reply.',
    'shell.goodbye': 'See you.',
  },
});
