import type { Strings } from './en.ts';

const es: Strings = {
  openChat: 'Abrir chat', closeChat: 'Cerrar chat', unread: 'mensajes sin leer', online: 'En línea', away: 'Ausente',
  loading: 'Cargando…', conversation: 'Conversación', messageLabel: 'Mensaje', placeholder: 'Escribe un mensaje…',
  send: 'Enviar', attach: 'Adjuntar un archivo', uploading: 'Subiendo {name}: {percent} %',
  fileTooLarge: 'Los archivos pueden tener 10 MB como máximo.', typing: '{name} está escribiendo…', agent: 'Soporte', you: 'Tú',
  sending: 'Enviando…', delivered: 'Entregado', read: 'Leído', notSent: 'No enviado.', retry: 'Reintentar',
  prechatTitle: 'Cuéntanos un poco sobre ti', startChat: 'Iniciar chat', required: 'obligatorio',
  offlineTitle: 'Ahora no estamos', emailLabel: 'Tu correo electrónico',
  offlineHint: 'Deja tu correo y tu mensaje: te responderemos por correo.',
  resolved: 'Esta conversación se ha cerrado.', newConversation: 'Iniciar una nueva conversación',
  csatTitle: '¿Cómo valoras esta conversación?', csatStars: '{n} de 5', csatComment: '¿Algo más? (opcional)',
  csatSubmit: 'Enviar valoración', csatThanks: '¡Gracias por tu opinión!', refused: 'Este chat no está activado en {origin}.',
  refusedHint: 'El propietario del sitio puede permitir esta dirección en la configuración del widget.',
  notFramed: 'Este chat se abre dentro de un sitio web.', unknownWidget: 'Este chat no existe (o ya no existe).',
  identityRequired: 'Inicia sesión en el sitio para chatear con nosotros.', genericError: 'Algo salió mal. Inténtalo de nuevo.',
  newMessage: 'Nuevo mensaje de {name}', attachment: 'Adjunto',
  remove: 'Quitar',
  rateLimited: 'Se están iniciando demasiados chats desde tu red. Inténtalo de nuevo en unos minutos.',
};
export default es;
