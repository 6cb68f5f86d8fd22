import { defineMessages } from '../define.js';

export default defineMessages({
  ja: {
    'shell.banner': 'Shiori へようこそ。/help で使い方、/exit か Ctrl+D で終了します。コマンドなしの入力は検索になり、Tab で補完できます。',
    'shell.actionHint': '番号を入力するとボタンを押せます。',
    'shell.noSuchChoice': '{number} 番の選択肢はありません。直前の返答の [1]〜[{count}] から選んでください。',
    'shell.goodbye': 'またどうぞ。',
    'shell.noChoices': '直前の返答には押せるボタンがありません。調べたいことを入力するか、/help を見てください。',
    'shell.invalid.boolean': '{option} には true か false を指定してください（入力: {value}）。',
    'shell.invalid.integer': '{option} には整数を指定してください（入力: {value}）。',
  },
  en: {
    'shell.banner': 'Welcome to Shiori. /help shows how to use it, /exit or Ctrl+D quits. Text without a command is a search, and Tab completes.',
    'shell.actionHint': 'Type a number to press a button.',
    'shell.noSuchChoice': 'There is no choice {number}. Pick one of [1] to [{count}] from the last reply.',
    'shell.goodbye': 'See you.',
    'shell.noChoices': 'The last reply has no buttons to press. Type what to look up, or see /help.',
    'shell.invalid.boolean': '{option} takes true or false (got {value}).',
    'shell.invalid.integer': '{option} takes a whole number (got {value}).',
  },
});
