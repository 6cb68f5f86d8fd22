import { defineMessages } from '../define.js';

// Messages of the Slack adapter (`slack.*`) and of the /shiori help and settings command (`shiori.*`).

export default defineMessages({
  ja: {
    'slack.fallback': 'Shiori からの返信です。',
    'slack.truncated': '…（長すぎるため、残りを省略しました）',
    'slack.umbrellaHint': 'コマンド名がほかのアプリと重なるときは、/shiori cmd docker commit のように /shiori の後にコマンド名を書いても実行できます。',
    'slack.mentionHint': 'チャンネルでは @Shiori docker commit のようにメンションして、DM ではそのまま書いて質問できます。',
    'shiori.settingsHeading': '設定',
    'shiori.settings': '返信言語: {lang}。管理者は /shiori lang ja または /shiori lang en で切り替えられます。',
    'shiori.langCurrent': '現在の返信言語は {lang} です。管理者は /shiori lang ja または /shiori lang en で変更できます。',
    'shiori.langSet': '返信言語を {lang} に設定しました。',
    'shiori.langDiscord': 'Discord では、返信の言語は各ユーザーの Discord の言語設定に従います（日本語なら日本語、それ以外は英語）。',
    'shiori.langShell': 'ターミナルでは、返信の言語は LANG 環境変数か起動時の --lang en / --lang ja で決まります。',
    'shiori.langInvalid': '「{value}」は設定できない言語です。ja（日本語）か en（英語）を指定してください（例: /shiori lang en）。',
    'shiori.adminOnly': '返信言語を変更できるのは管理者だけです。管理者に依頼してください。',
    'shiori.langName.ja': '日本語',
    'shiori.langName.en': '英語',
  },
  en: {
    'slack.fallback': 'A reply from Shiori.',
    'slack.truncated': '… (the rest was left out because it is too long)',
    'slack.umbrellaHint': 'When another app uses the same command name, put the command after /shiori, such as /shiori cmd docker commit.',
    'slack.mentionHint': 'In a channel, mention the bot as in @Shiori docker commit; in a direct message, just type your question.',
    'shiori.settingsHeading': 'Settings',
    'shiori.settings': 'Reply language: {lang}. Admins can switch it with /shiori lang ja or /shiori lang en.',
    'shiori.langCurrent': 'Shiori replies in {lang} here. Admins can change it with /shiori lang ja or /shiori lang en.',
    'shiori.langSet': 'Shiori now replies in {lang}.',
    'shiori.langDiscord': 'On Discord, replies follow each user\'s Discord language: Japanese for Japanese, English otherwise.',
    'shiori.langShell': 'In the terminal, the reply language comes from the LANG variable or --lang en / --lang ja at start-up.',
    'shiori.langInvalid': '"{value}" is not a language Shiori supports. Use ja (Japanese) or en (English), such as /shiori lang en.',
    'shiori.adminOnly': 'Only admins can change the reply language. Please ask an admin.',
    'shiori.langName.ja': 'Japanese',
    'shiori.langName.en': 'English',
  },
});
