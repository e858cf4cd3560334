import type { Strings } from './en.ts';

const pt: Strings = {
  openChat: 'Abrir chat', closeChat: 'Fechar chat', unread: 'mensagens não lidas', online: 'Online', away: 'Ausente',
  loading: 'Carregando…', conversation: 'Conversa', messageLabel: 'Mensagem', placeholder: 'Escreva uma mensagem…',
  send: 'Enviar', attach: 'Anexar um arquivo', uploading: 'Enviando {name}: {percent}%',
  fileTooLarge: 'Os arquivos podem ter no máximo 10 MB.', typing: '{name} está digitando…', agent: 'Suporte', you: 'Você',
  sending: 'Enviando…', delivered: 'Entregue', read: 'Lida', notSent: 'Não enviada.', retry: 'Tentar novamente',
  prechatTitle: 'Conte-nos um pouco sobre você', startChat: 'Iniciar chat', required: 'obrigatório',
  offlineTitle: 'Estamos ausentes', emailLabel: 'Seu e-mail',
  offlineHint: 'Deixe seu e-mail e sua mensagem: responderemos por e-mail.',
  resolved: 'Esta conversa foi encerrada.', newConversation: 'Iniciar uma nova conversa',
  csatTitle: 'Como você avalia esta conversa?', csatStars: '{n} de 5', csatComment: 'Algo a acrescentar? (opcional)',
  csatSubmit: 'Enviar avaliação', csatThanks: 'Obrigado pelo seu feedback!', refused: 'Este chat não está ativado em {origin}.',
  refusedHint: 'O dono do site pode permitir este endereço nas configurações do widget.',
  notFramed: 'Este chat abre dentro de um site.', unknownWidget: 'Este chat não existe (mais).',
  identityRequired: 'Entre no site para conversar conosco.', genericError: 'Algo deu errado. Tente novamente.',
  newMessage: 'Nova mensagem de {name}', attachment: 'Anexo',
  remove: 'Remover',
  rateLimited: 'Muitos chats estão sendo iniciados na sua rede agora. Tente novamente em alguns minutos.',
};
export default pt;
