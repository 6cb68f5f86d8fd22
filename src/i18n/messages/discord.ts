import { defineMessages } from '../define.js';

export default defineMessages({
  ja: {
    'discord.truncated': '…（長いため一部を省略しました。/search で絞り込むと全体を確認できます）',
    'discord.links': 'リンク',
    'discord.warning': '注意',
  },
  en: {
    'discord.truncated': '… (shortened because it is too long; narrow it down with /search to see the rest)',
    'discord.links': 'Links',
    'discord.warning': 'Warning',
  },
});
