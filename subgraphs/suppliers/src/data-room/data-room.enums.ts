// What a data-room document is, how sensitive it is, and what an access-log row records.
import { registerEnumType } from 'type-graphql';

export enum DataRoomDocumentKind {
  BOM = 'BOM',
  DRAWING = 'DRAWING',
  SPECIFICATION = 'SPECIFICATION',
  OTHER = 'OTHER',
}

export enum DataRoomClassification {
  INTERNAL = 'INTERNAL',
  CONFIDENTIAL = 'CONFIDENTIAL',
  RESTRICTED = 'RESTRICTED',
}

export enum DataRoomAccessAction {
  READ = 'READ',
  DOWNLOAD = 'DOWNLOAD',
  DENIED = 'DENIED',
}

registerEnumType(DataRoomDocumentKind, { name: 'DataRoomDocumentKind', description: 'BOM = bill of materials.' });
registerEnumType(DataRoomClassification, { name: 'DataRoomClassification', description: 'How sensitive the document is, a label for people handling it.' });
registerEnumType(DataRoomAccessAction, {
  name: 'DataRoomAccessAction',
  description: 'READ: the document was resolved in a response; DOWNLOAD: its watermarked content was delivered; DENIED: a partner asked for a document not shared with it.',
});
