import type { Strings } from './en.ts';

const ja: Strings = {
  openChat: 'チャットを開く', closeChat: 'チャットを閉じる', unread: '件の未読メッセージ', online: 'オンライン', away: '不在',
  loading: '読み込み中…', conversation: '会話', messageLabel: 'メッセージ', placeholder: 'メッセージを入力…',
  send: '送信', attach: 'ファイルを添付', uploading: '{name} をアップロード中: {percent}%',
  fileTooLarge: 'ファイルは10MBまでです。', typing: '{name} が入力中…', agent: 'サポート', you: 'あなた',
  sending: '送信中…', delivered: '配信済み', read: '既読', notSent: '送信できませんでした。', retry: '再試行',
  prechatTitle: 'あなたについて教えてください', startChat: 'チャットを始める', required: '必須',
  offlineTitle: '現在不在です', emailLabel: 'メールアドレス',
  offlineHint: 'メールアドレスとメッセージを残してください。メールでお返事します。',
  resolved: 'この会話は終了しました。', newConversation: '新しい会話を始める',
  csatTitle: 'この会話を評価してください', csatStars: '5段階中{n}', csatComment: 'ご意見があればどうぞ（任意）',
  csatSubmit: '評価を送信', csatThanks: 'ご意見ありがとうございます！', refused: 'このチャットは {origin} では有効になっていません。',
  refusedHint: 'サイトの管理者がウィジェット設定でこのアドレスを許可できます。',
  notFramed: 'このチャットはウェブサイト内で開きます。', unknownWidget: 'このチャットは存在しません。',
  identityRequired: 'チャットするにはサイトにログインしてください。', genericError: 'エラーが発生しました。もう一度お試しください。',
  newMessage: '{name} から新着メッセージ', attachment: '添付ファイル',
  remove: '削除',
  rateLimited: '現在、お使いのネットワークから開始されるチャットが多すぎます。数分後にもう一度お試しください。',
};
export default ja;
