// Pairing a phone by scanning: what Settings shows next to the QR code, and what the phone
// sees when it opens the pairing address or types a code.
import { defineStrings } from '../define-strings.js';

export const pairingStrings = defineStrings(
  {
    'pairing.intro':
      'Scan this code with the phone’s camera and open the link. The phone is signed in at once with a token of its own: it can lock, unlock and watch, but not change settings. A code works once, for 2 minutes.',
    'pairing.typeAt': 'No camera? On the phone, open {address} and type this code:',
    'pairing.title': 'Pair this phone',
    'pairing.hint':
      'Type the pairing code shown on the PC under Settings → Pair a phone. It works once, for 2 minutes. This phone then stays signed in with a token of its own.',
    'pairing.code': 'Pairing code',
    'pairing.submit': 'Pair',
    'pairing.pairing': 'Pairing…',
    'pairing.refused':
      'This pairing code has been used or has expired. Make a new one on the PC under Settings → Pair a phone, then scan it again.',
    'pairing.useCode': 'I have a pairing code',
    'pairing.useToken': 'Sign in with a token instead',
  },
  {
    'pairing.intro':
      '用手机相机扫描这个二维码并打开链接。手机会立即登录，并得到一个自己的令牌：可以上锁、开锁和查看，但不能更改设置。配对码只能用一次，有效 2 分钟。',
    'pairing.typeAt': '没有相机？在手机上打开 {address}，然后输入这个配对码：',
    'pairing.title': '配对这部手机',
    'pairing.hint':
      '输入电脑上“设置 → 配对手机”中显示的配对码。它只能用一次，有效 2 分钟。之后这部手机会用自己的令牌保持登录。',
    'pairing.code': '配对码',
    'pairing.submit': '配对',
    'pairing.pairing': '正在配对…',
    'pairing.refused':
      '这个配对码已被使用或已过期。请在电脑上的“设置 → 配对手机”中重新生成一个，然后再扫描。',
    'pairing.useCode': '我有配对码',
    'pairing.useToken': '改用令牌登录',
  },
);
