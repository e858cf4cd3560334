import type { Strings } from './en.ts';

const zh: Strings = {
  openChat: '打开聊天', closeChat: '关闭聊天', unread: '条未读消息', online: '在线', away: '离开',
  loading: '加载中…', conversation: '对话', messageLabel: '消息', placeholder: '输入消息…',
  send: '发送', attach: '添加附件', uploading: '正在上传 {name}：{percent}%',
  fileTooLarge: '文件最大为 10 MB。', typing: '{name} 正在输入…', agent: '客服', you: '你',
  sending: '发送中…', delivered: '已送达', read: '已读', notSent: '未发送。', retry: '重试',
  prechatTitle: '请简单介绍一下你自己', startChat: '开始聊天', required: '必填',
  offlineTitle: '我们暂时不在', emailLabel: '你的邮箱',
  offlineHint: '留下你的邮箱和消息，我们会通过邮件回复。',
  resolved: '此对话已结束。', newConversation: '开始新对话',
  csatTitle: '你如何评价这次对话？', csatStars: '{n} 分（满分 5 分）', csatComment: '还有什么要补充的吗？（可选）',
  csatSubmit: '提交评分', csatThanks: '感谢你的反馈！', refused: '此聊天未在 {origin} 上启用。',
  refusedHint: '网站所有者可以在小组件设置中允许此地址。',
  notFramed: '此聊天需在网站内打开。', unknownWidget: '此聊天不存在。',
  identityRequired: '请先登录网站再与我们聊天。', genericError: '出了点问题，请重试。',
  newMessage: '来自 {name} 的新消息', attachment: '附件',
  remove: '移除',
  rateLimited: '你的网络当前发起的聊天过多，请几分钟后再试。',
};
export default zh;
