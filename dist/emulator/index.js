import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 680:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const { parseContentType } = __nccwpck_require__(313);

function getInstance(cfg) {
  const headers = cfg.headers;
  const conType = parseContentType(headers['content-type']);
  if (!conType)
    throw new Error('Malformed content type');

  for (const type of TYPES) {
    const matched = type.detect(conType);
    if (!matched)
      continue;

    const instanceCfg = {
      limits: cfg.limits,
      headers,
      conType,
      highWaterMark: undefined,
      fileHwm: undefined,
      defCharset: undefined,
      defParamCharset: undefined,
      preservePath: false,
    };
    if (cfg.highWaterMark)
      instanceCfg.highWaterMark = cfg.highWaterMark;
    if (cfg.fileHwm)
      instanceCfg.fileHwm = cfg.fileHwm;
    instanceCfg.defCharset = cfg.defCharset;
    instanceCfg.defParamCharset = cfg.defParamCharset;
    instanceCfg.preservePath = cfg.preservePath;
    return new type(instanceCfg);
  }

  throw new Error(`Unsupported content type: ${headers['content-type']}`);
}

// Note: types are explicitly listed here for easier bundling
// See: https://github.com/mscdex/busboy/issues/121
const TYPES = [
  __nccwpck_require__(894),
  __nccwpck_require__(261),
].filter(function(typemod) { return typeof typemod.detect === 'function'; });

module.exports = (cfg) => {
  if (typeof cfg !== 'object' || cfg === null)
    cfg = {};

  if (typeof cfg.headers !== 'object'
      || cfg.headers === null
      || typeof cfg.headers['content-type'] !== 'string') {
    throw new Error('Missing Content-Type');
  }

  return getInstance(cfg);
};


/***/ }),

/***/ 894:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const { Readable, Writable } = __nccwpck_require__(203);

const StreamSearch = __nccwpck_require__(26);

const {
  basename,
  convertToUTF8,
  getDecoder,
  parseContentType,
  parseDisposition,
} = __nccwpck_require__(313);

const BUF_CRLF = Buffer.from('\r\n');
const BUF_CR = Buffer.from('\r');
const BUF_DASH = Buffer.from('-');

function noop() {}

const MAX_HEADER_PAIRS = 2000; // From node
const MAX_HEADER_SIZE = 16 * 1024; // From node (its default value)

const HPARSER_NAME = 0;
const HPARSER_PRE_OWS = 1;
const HPARSER_VALUE = 2;
class HeaderParser {
  constructor(cb) {
    this.header = Object.create(null);
    this.pairCount = 0;
    this.byteCount = 0;
    this.state = HPARSER_NAME;
    this.name = '';
    this.value = '';
    this.crlf = 0;
    this.cb = cb;
  }

  reset() {
    this.header = Object.create(null);
    this.pairCount = 0;
    this.byteCount = 0;
    this.state = HPARSER_NAME;
    this.name = '';
    this.value = '';
    this.crlf = 0;
  }

  push(chunk, pos, end) {
    let start = pos;
    while (pos < end) {
      switch (this.state) {
        case HPARSER_NAME: {
          let done = false;
          for (; pos < end; ++pos) {
            if (this.byteCount === MAX_HEADER_SIZE)
              return -1;
            ++this.byteCount;
            const code = chunk[pos];
            if (TOKEN[code] !== 1) {
              if (code !== 58/* ':' */)
                return -1;
              this.name += chunk.latin1Slice(start, pos);
              if (this.name.length === 0)
                return -1;
              ++pos;
              done = true;
              this.state = HPARSER_PRE_OWS;
              break;
            }
          }
          if (!done) {
            this.name += chunk.latin1Slice(start, pos);
            break;
          }
          // FALLTHROUGH
        }
        case HPARSER_PRE_OWS: {
          // Skip optional whitespace
          let done = false;
          for (; pos < end; ++pos) {
            if (this.byteCount === MAX_HEADER_SIZE)
              return -1;
            ++this.byteCount;
            const code = chunk[pos];
            if (code !== 32/* ' ' */ && code !== 9/* '\t' */) {
              start = pos;
              done = true;
              this.state = HPARSER_VALUE;
              break;
            }
          }
          if (!done)
            break;
          // FALLTHROUGH
        }
        case HPARSER_VALUE:
          switch (this.crlf) {
            case 0: // Nothing yet
              for (; pos < end; ++pos) {
                if (this.byteCount === MAX_HEADER_SIZE)
                  return -1;
                ++this.byteCount;
                const code = chunk[pos];
                if (FIELD_VCHAR[code] !== 1) {
                  if (code !== 13/* '\r' */)
                    return -1;
                  ++this.crlf;
                  break;
                }
              }
              this.value += chunk.latin1Slice(start, pos++);
              break;
            case 1: // Received CR
              if (this.byteCount === MAX_HEADER_SIZE)
                return -1;
              ++this.byteCount;
              if (chunk[pos++] !== 10/* '\n' */)
                return -1;
              ++this.crlf;
              break;
            case 2: { // Received CR LF
              if (this.byteCount === MAX_HEADER_SIZE)
                return -1;
              ++this.byteCount;
              const code = chunk[pos];
              if (code === 32/* ' ' */ || code === 9/* '\t' */) {
                // Folded value
                start = pos;
                this.crlf = 0;
              } else {
                if (++this.pairCount < MAX_HEADER_PAIRS) {
                  this.name = this.name.toLowerCase();
                  if (this.header[this.name] === undefined)
                    this.header[this.name] = [this.value];
                  else
                    this.header[this.name].push(this.value);
                }
                if (code === 13/* '\r' */) {
                  ++this.crlf;
                  ++pos;
                } else {
                  // Assume start of next header field name
                  start = pos;
                  this.crlf = 0;
                  this.state = HPARSER_NAME;
                  this.name = '';
                  this.value = '';
                }
              }
              break;
            }
            case 3: { // Received CR LF CR
              if (this.byteCount === MAX_HEADER_SIZE)
                return -1;
              ++this.byteCount;
              if (chunk[pos++] !== 10/* '\n' */)
                return -1;
              // End of header
              const header = this.header;
              this.reset();
              this.cb(header);
              return pos;
            }
          }
          break;
      }
    }

    return pos;
  }
}

class FileStream extends Readable {
  constructor(opts, owner) {
    super(opts);
    this.truncated = false;
    this._readcb = null;
    this.once('end', () => {
      // We need to make sure that we call any outstanding _writecb() that is
      // associated with this file so that processing of the rest of the form
      // can continue. This may not happen if the file stream ends right after
      // backpressure kicks in, so we force it here.
      this._read();
      if (--owner._fileEndsLeft === 0 && owner._finalcb) {
        const cb = owner._finalcb;
        owner._finalcb = null;
        // Make sure other 'end' event handlers get a chance to be executed
        // before busboy's 'finish' event is emitted
        process.nextTick(cb);
      }
    });
  }
  _read(n) {
    const cb = this._readcb;
    if (cb) {
      this._readcb = null;
      cb();
    }
  }
}

const ignoreData = {
  push: (chunk, pos) => {},
  destroy: () => {},
};

function callAndUnsetCb(self, err) {
  const cb = self._writecb;
  self._writecb = null;
  if (err)
    self.destroy(err);
  else if (cb)
    cb();
}

function nullDecoder(val, hint) {
  return val;
}

class Multipart extends Writable {
  constructor(cfg) {
    const streamOpts = {
      autoDestroy: true,
      emitClose: true,
      highWaterMark: (typeof cfg.highWaterMark === 'number'
                      ? cfg.highWaterMark
                      : undefined),
    };
    super(streamOpts);

    if (!cfg.conType.params || typeof cfg.conType.params.boundary !== 'string')
      throw new Error('Multipart: Boundary not found');

    const boundary = cfg.conType.params.boundary;
    const paramDecoder = (typeof cfg.defParamCharset === 'string'
                            && cfg.defParamCharset
                          ? getDecoder(cfg.defParamCharset)
                          : nullDecoder);
    const defCharset = (cfg.defCharset || 'utf8');
    const preservePath = cfg.preservePath;
    const fileOpts = {
      autoDestroy: true,
      emitClose: true,
      highWaterMark: (typeof cfg.fileHwm === 'number'
                      ? cfg.fileHwm
                      : undefined),
    };

    const limits = cfg.limits;
    const fieldSizeLimit = (limits && typeof limits.fieldSize === 'number'
                            ? limits.fieldSize
                            : 1 * 1024 * 1024);
    const fileSizeLimit = (limits && typeof limits.fileSize === 'number'
                           ? limits.fileSize
                           : Infinity);
    const filesLimit = (limits && typeof limits.files === 'number'
                        ? limits.files
                        : Infinity);
    const fieldsLimit = (limits && typeof limits.fields === 'number'
                         ? limits.fields
                         : Infinity);
    const partsLimit = (limits && typeof limits.parts === 'number'
                        ? limits.parts
                        : Infinity);

    let parts = -1; // Account for initial boundary
    let fields = 0;
    let files = 0;
    let skipPart = false;

    this._fileEndsLeft = 0;
    this._fileStream = undefined;
    this._complete = false;
    let fileSize = 0;

    let field;
    let fieldSize = 0;
    let partCharset;
    let partEncoding;
    let partType;
    let partName;
    let partTruncated = false;

    let hitFilesLimit = false;
    let hitFieldsLimit = false;

    this._hparser = null;
    const hparser = new HeaderParser((header) => {
      this._hparser = null;
      skipPart = false;

      partType = 'text/plain';
      partCharset = defCharset;
      partEncoding = '7bit';
      partName = undefined;
      partTruncated = false;

      let filename;
      if (!header['content-disposition']) {
        skipPart = true;
        return;
      }

      const disp = parseDisposition(header['content-disposition'][0],
                                    paramDecoder);
      if (!disp || disp.type !== 'form-data') {
        skipPart = true;
        return;
      }

      if (disp.params) {
        if (disp.params.name)
          partName = disp.params.name;

        if (disp.params['filename*'])
          filename = disp.params['filename*'];
        else if (disp.params.filename)
          filename = disp.params.filename;

        if (filename !== undefined && !preservePath)
          filename = basename(filename);
      }

      if (header['content-type']) {
        const conType = parseContentType(header['content-type'][0]);
        if (conType) {
          partType = `${conType.type}/${conType.subtype}`;
          if (conType.params && typeof conType.params.charset === 'string')
            partCharset = conType.params.charset.toLowerCase();
        }
      }

      if (header['content-transfer-encoding'])
        partEncoding = header['content-transfer-encoding'][0].toLowerCase();

      if (partType === 'application/octet-stream' || filename !== undefined) {
        // File

        if (files === filesLimit) {
          if (!hitFilesLimit) {
            hitFilesLimit = true;
            this.emit('filesLimit');
          }
          skipPart = true;
          return;
        }
        ++files;

        if (this.listenerCount('file') === 0) {
          skipPart = true;
          return;
        }

        fileSize = 0;
        this._fileStream = new FileStream(fileOpts, this);
        ++this._fileEndsLeft;
        this.emit(
          'file',
          partName,
          this._fileStream,
          { filename,
            encoding: partEncoding,
            mimeType: partType }
        );
      } else {
        // Non-file

        if (fields === fieldsLimit) {
          if (!hitFieldsLimit) {
            hitFieldsLimit = true;
            this.emit('fieldsLimit');
          }
          skipPart = true;
          return;
        }
        ++fields;

        if (this.listenerCount('field') === 0) {
          skipPart = true;
          return;
        }

        field = [];
        fieldSize = 0;
      }
    });

    let matchPostBoundary = 0;
    const ssCb = (isMatch, data, start, end, isDataSafe) => {
retrydata:
      while (data) {
        if (this._hparser !== null) {
          const ret = this._hparser.push(data, start, end);
          if (ret === -1) {
            this._hparser = null;
            hparser.reset();
            this.emit('error', new Error('Malformed part header'));
            break;
          }
          start = ret;
        }

        if (start === end)
          break;

        if (matchPostBoundary !== 0) {
          if (matchPostBoundary === 1) {
            switch (data[start]) {
              case 45: // '-'
                // Try matching '--' after boundary
                matchPostBoundary = 2;
                ++start;
                break;
              case 13: // '\r'
                // Try matching CR LF before header
                matchPostBoundary = 3;
                ++start;
                break;
              default:
                matchPostBoundary = 0;
            }
            if (start === end)
              return;
          }

          if (matchPostBoundary === 2) {
            matchPostBoundary = 0;
            if (data[start] === 45/* '-' */) {
              // End of multipart data
              this._complete = true;
              this._bparser = ignoreData;
              return;
            }
            // We saw something other than '-', so put the dash we consumed
            // "back"
            const writecb = this._writecb;
            this._writecb = noop;
            ssCb(false, BUF_DASH, 0, 1, false);
            this._writecb = writecb;
          } else if (matchPostBoundary === 3) {
            matchPostBoundary = 0;
            if (data[start] === 10/* '\n' */) {
              ++start;
              if (parts >= partsLimit)
                break;
              // Prepare the header parser
              this._hparser = hparser;
              if (start === end)
                break;
              // Process the remaining data as a header
              continue retrydata;
            } else {
              // We saw something other than LF, so put the CR we consumed
              // "back"
              const writecb = this._writecb;
              this._writecb = noop;
              ssCb(false, BUF_CR, 0, 1, false);
              this._writecb = writecb;
            }
          }
        }

        if (!skipPart) {
          if (this._fileStream) {
            let chunk;
            const actualLen = Math.min(end - start, fileSizeLimit - fileSize);
            if (!isDataSafe) {
              chunk = Buffer.allocUnsafe(actualLen);
              data.copy(chunk, 0, start, start + actualLen);
            } else {
              chunk = data.slice(start, start + actualLen);
            }

            fileSize += chunk.length;
            if (fileSize === fileSizeLimit) {
              if (chunk.length > 0)
                this._fileStream.push(chunk);
              this._fileStream.emit('limit');
              this._fileStream.truncated = true;
              skipPart = true;
            } else if (!this._fileStream.push(chunk)) {
              if (this._writecb)
                this._fileStream._readcb = this._writecb;
              this._writecb = null;
            }
          } else if (field !== undefined) {
            let chunk;
            const actualLen = Math.min(
              end - start,
              fieldSizeLimit - fieldSize
            );
            if (!isDataSafe) {
              chunk = Buffer.allocUnsafe(actualLen);
              data.copy(chunk, 0, start, start + actualLen);
            } else {
              chunk = data.slice(start, start + actualLen);
            }

            fieldSize += actualLen;
            field.push(chunk);
            if (fieldSize === fieldSizeLimit) {
              skipPart = true;
              partTruncated = true;
            }
          }
        }

        break;
      }

      if (isMatch) {
        matchPostBoundary = 1;

        if (this._fileStream) {
          // End the active file stream if the previous part was a file
          this._fileStream.push(null);
          this._fileStream = null;
        } else if (field !== undefined) {
          let data;
          switch (field.length) {
            case 0:
              data = '';
              break;
            case 1:
              data = convertToUTF8(field[0], partCharset, 0);
              break;
            default:
              data = convertToUTF8(
                Buffer.concat(field, fieldSize),
                partCharset,
                0
              );
          }
          field = undefined;
          fieldSize = 0;
          this.emit(
            'field',
            partName,
            data,
            { nameTruncated: false,
              valueTruncated: partTruncated,
              encoding: partEncoding,
              mimeType: partType }
          );
        }

        if (++parts === partsLimit)
          this.emit('partsLimit');
      }
    };
    this._bparser = new StreamSearch(`\r\n--${boundary}`, ssCb);

    this._writecb = null;
    this._finalcb = null;

    // Just in case there is no preamble
    this.write(BUF_CRLF);
  }

  static detect(conType) {
    return (conType.type === 'multipart' && conType.subtype === 'form-data');
  }

  _write(chunk, enc, cb) {
    this._writecb = cb;
    this._bparser.push(chunk, 0);
    if (this._writecb)
      callAndUnsetCb(this);
  }

  _destroy(err, cb) {
    this._hparser = null;
    this._bparser = ignoreData;
    if (!err)
      err = checkEndState(this);
    const fileStream = this._fileStream;
    if (fileStream) {
      this._fileStream = null;
      fileStream.destroy(err);
    }
    cb(err);
  }

  _final(cb) {
    this._bparser.destroy();
    if (!this._complete)
      return cb(new Error('Unexpected end of form'));
    if (this._fileEndsLeft)
      this._finalcb = finalcb.bind(null, this, cb);
    else
      finalcb(this, cb);
  }
}

function finalcb(self, cb, err) {
  if (err)
    return cb(err);
  err = checkEndState(self);
  cb(err);
}

function checkEndState(self) {
  if (self._hparser)
    return new Error('Malformed part header');
  const fileStream = self._fileStream;
  if (fileStream) {
    self._fileStream = null;
    fileStream.destroy(new Error('Unexpected end of file'));
  }
  if (!self._complete)
    return new Error('Unexpected end of form');
}

const TOKEN = [
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 1, 0, 1, 1, 1, 1, 1, 0, 0, 1, 1, 0, 1, 1, 0,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
  0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 0, 1, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
];

const FIELD_VCHAR = [
  0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
];

module.exports = Multipart;


/***/ }),

/***/ 261:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const { Writable } = __nccwpck_require__(203);

const { getDecoder } = __nccwpck_require__(313);

class URLEncoded extends Writable {
  constructor(cfg) {
    const streamOpts = {
      autoDestroy: true,
      emitClose: true,
      highWaterMark: (typeof cfg.highWaterMark === 'number'
                      ? cfg.highWaterMark
                      : undefined),
    };
    super(streamOpts);

    let charset = (cfg.defCharset || 'utf8');
    if (cfg.conType.params && typeof cfg.conType.params.charset === 'string')
      charset = cfg.conType.params.charset;

    this.charset = charset;

    const limits = cfg.limits;
    this.fieldSizeLimit = (limits && typeof limits.fieldSize === 'number'
                           ? limits.fieldSize
                           : 1 * 1024 * 1024);
    this.fieldsLimit = (limits && typeof limits.fields === 'number'
                        ? limits.fields
                        : Infinity);
    this.fieldNameSizeLimit = (
      limits && typeof limits.fieldNameSize === 'number'
      ? limits.fieldNameSize
      : 100
    );

    this._inKey = true;
    this._keyTrunc = false;
    this._valTrunc = false;
    this._bytesKey = 0;
    this._bytesVal = 0;
    this._fields = 0;
    this._key = '';
    this._val = '';
    this._byte = -2;
    this._lastPos = 0;
    this._encode = 0;
    this._decoder = getDecoder(charset);
  }

  static detect(conType) {
    return (conType.type === 'application'
            && conType.subtype === 'x-www-form-urlencoded');
  }

  _write(chunk, enc, cb) {
    if (this._fields >= this.fieldsLimit)
      return cb();

    let i = 0;
    const len = chunk.length;
    this._lastPos = 0;

    // Check if we last ended mid-percent-encoded byte
    if (this._byte !== -2) {
      i = readPctEnc(this, chunk, i, len);
      if (i === -1)
        return cb(new Error('Malformed urlencoded form'));
      if (i >= len)
        return cb();
      if (this._inKey)
        ++this._bytesKey;
      else
        ++this._bytesVal;
    }

main:
    while (i < len) {
      if (this._inKey) {
        // Parsing key

        i = skipKeyBytes(this, chunk, i, len);

        while (i < len) {
          switch (chunk[i]) {
            case 61: // '='
              if (this._lastPos < i)
                this._key += chunk.latin1Slice(this._lastPos, i);
              this._lastPos = ++i;
              this._key = this._decoder(this._key, this._encode);
              this._encode = 0;
              this._inKey = false;
              continue main;
            case 38: // '&'
              if (this._lastPos < i)
                this._key += chunk.latin1Slice(this._lastPos, i);
              this._lastPos = ++i;
              this._key = this._decoder(this._key, this._encode);
              this._encode = 0;
              if (this._bytesKey > 0) {
                this.emit(
                  'field',
                  this._key,
                  '',
                  { nameTruncated: this._keyTrunc,
                    valueTruncated: false,
                    encoding: this.charset,
                    mimeType: 'text/plain' }
                );
              }
              this._key = '';
              this._val = '';
              this._keyTrunc = false;
              this._valTrunc = false;
              this._bytesKey = 0;
              this._bytesVal = 0;
              if (++this._fields >= this.fieldsLimit) {
                this.emit('fieldsLimit');
                return cb();
              }
              continue;
            case 43: // '+'
              if (this._lastPos < i)
                this._key += chunk.latin1Slice(this._lastPos, i);
              this._key += ' ';
              this._lastPos = i + 1;
              break;
            case 37: // '%'
              if (this._encode === 0)
                this._encode = 1;
              if (this._lastPos < i)
                this._key += chunk.latin1Slice(this._lastPos, i);
              this._lastPos = i + 1;
              this._byte = -1;
              i = readPctEnc(this, chunk, i + 1, len);
              if (i === -1)
                return cb(new Error('Malformed urlencoded form'));
              if (i >= len)
                return cb();
              ++this._bytesKey;
              i = skipKeyBytes(this, chunk, i, len);
              continue;
          }
          ++i;
          ++this._bytesKey;
          i = skipKeyBytes(this, chunk, i, len);
        }
        if (this._lastPos < i)
          this._key += chunk.latin1Slice(this._lastPos, i);
      } else {
        // Parsing value

        i = skipValBytes(this, chunk, i, len);

        while (i < len) {
          switch (chunk[i]) {
            case 38: // '&'
              if (this._lastPos < i)
                this._val += chunk.latin1Slice(this._lastPos, i);
              this._lastPos = ++i;
              this._inKey = true;
              this._val = this._decoder(this._val, this._encode);
              this._encode = 0;
              if (this._bytesKey > 0 || this._bytesVal > 0) {
                this.emit(
                  'field',
                  this._key,
                  this._val,
                  { nameTruncated: this._keyTrunc,
                    valueTruncated: this._valTrunc,
                    encoding: this.charset,
                    mimeType: 'text/plain' }
                );
              }
              this._key = '';
              this._val = '';
              this._keyTrunc = false;
              this._valTrunc = false;
              this._bytesKey = 0;
              this._bytesVal = 0;
              if (++this._fields >= this.fieldsLimit) {
                this.emit('fieldsLimit');
                return cb();
              }
              continue main;
            case 43: // '+'
              if (this._lastPos < i)
                this._val += chunk.latin1Slice(this._lastPos, i);
              this._val += ' ';
              this._lastPos = i + 1;
              break;
            case 37: // '%'
              if (this._encode === 0)
                this._encode = 1;
              if (this._lastPos < i)
                this._val += chunk.latin1Slice(this._lastPos, i);
              this._lastPos = i + 1;
              this._byte = -1;
              i = readPctEnc(this, chunk, i + 1, len);
              if (i === -1)
                return cb(new Error('Malformed urlencoded form'));
              if (i >= len)
                return cb();
              ++this._bytesVal;
              i = skipValBytes(this, chunk, i, len);
              continue;
          }
          ++i;
          ++this._bytesVal;
          i = skipValBytes(this, chunk, i, len);
        }
        if (this._lastPos < i)
          this._val += chunk.latin1Slice(this._lastPos, i);
      }
    }

    cb();
  }

  _final(cb) {
    if (this._byte !== -2)
      return cb(new Error('Malformed urlencoded form'));
    if (!this._inKey || this._bytesKey > 0 || this._bytesVal > 0) {
      if (this._inKey)
        this._key = this._decoder(this._key, this._encode);
      else
        this._val = this._decoder(this._val, this._encode);
      this.emit(
        'field',
        this._key,
        this._val,
        { nameTruncated: this._keyTrunc,
          valueTruncated: this._valTrunc,
          encoding: this.charset,
          mimeType: 'text/plain' }
      );
    }
    cb();
  }
}

function readPctEnc(self, chunk, pos, len) {
  if (pos >= len)
    return len;

  if (self._byte === -1) {
    // We saw a '%' but no hex characters yet
    const hexUpper = HEX_VALUES[chunk[pos++]];
    if (hexUpper === -1)
      return -1;

    if (hexUpper >= 8)
      self._encode = 2; // Indicate high bits detected

    if (pos < len) {
      // Both hex characters are in this chunk
      const hexLower = HEX_VALUES[chunk[pos++]];
      if (hexLower === -1)
        return -1;

      if (self._inKey)
        self._key += String.fromCharCode((hexUpper << 4) + hexLower);
      else
        self._val += String.fromCharCode((hexUpper << 4) + hexLower);

      self._byte = -2;
      self._lastPos = pos;
    } else {
      // Only one hex character was available in this chunk
      self._byte = hexUpper;
    }
  } else {
    // We saw only one hex character so far
    const hexLower = HEX_VALUES[chunk[pos++]];
    if (hexLower === -1)
      return -1;

    if (self._inKey)
      self._key += String.fromCharCode((self._byte << 4) + hexLower);
    else
      self._val += String.fromCharCode((self._byte << 4) + hexLower);

    self._byte = -2;
    self._lastPos = pos;
  }

  return pos;
}

function skipKeyBytes(self, chunk, pos, len) {
  // Skip bytes if we've truncated
  if (self._bytesKey > self.fieldNameSizeLimit) {
    if (!self._keyTrunc) {
      if (self._lastPos < pos)
        self._key += chunk.latin1Slice(self._lastPos, pos - 1);
    }
    self._keyTrunc = true;
    for (; pos < len; ++pos) {
      const code = chunk[pos];
      if (code === 61/* '=' */ || code === 38/* '&' */)
        break;
      ++self._bytesKey;
    }
    self._lastPos = pos;
  }

  return pos;
}

function skipValBytes(self, chunk, pos, len) {
  // Skip bytes if we've truncated
  if (self._bytesVal > self.fieldSizeLimit) {
    if (!self._valTrunc) {
      if (self._lastPos < pos)
        self._val += chunk.latin1Slice(self._lastPos, pos - 1);
    }
    self._valTrunc = true;
    for (; pos < len; ++pos) {
      if (chunk[pos] === 38/* '&' */)
        break;
      ++self._bytesVal;
    }
    self._lastPos = pos;
  }

  return pos;
}

/* eslint-disable no-multi-spaces */
const HEX_VALUES = [
  -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
  -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
  -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
   0,  1,  2,  3,  4,  5,  6,  7,  8,  9, -1, -1, -1, -1, -1, -1,
  -1, 10, 11, 12, 13, 14, 15, -1, -1, -1, -1, -1, -1, -1, -1, -1,
  -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
  -1, 10, 11, 12, 13, 14, 15, -1, -1, -1, -1, -1, -1, -1, -1, -1,
  -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
  -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
  -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
  -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
  -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
  -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
  -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
  -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
  -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
];
/* eslint-enable no-multi-spaces */

module.exports = URLEncoded;


/***/ }),

/***/ 313:
/***/ (function(module) {



function parseContentType(str) {
  if (str.length === 0)
    return;

  const params = Object.create(null);
  let i = 0;

  // Parse type
  for (; i < str.length; ++i) {
    const code = str.charCodeAt(i);
    if (TOKEN[code] !== 1) {
      if (code !== 47/* '/' */ || i === 0)
        return;
      break;
    }
  }
  // Check for type without subtype
  if (i === str.length)
    return;

  const type = str.slice(0, i).toLowerCase();

  // Parse subtype
  const subtypeStart = ++i;
  for (; i < str.length; ++i) {
    const code = str.charCodeAt(i);
    if (TOKEN[code] !== 1) {
      // Make sure we have a subtype
      if (i === subtypeStart)
        return;

      if (parseContentTypeParams(str, i, params) === undefined)
        return;
      break;
    }
  }
  // Make sure we have a subtype
  if (i === subtypeStart)
    return;

  const subtype = str.slice(subtypeStart, i).toLowerCase();

  return { type, subtype, params };
}

function parseContentTypeParams(str, i, params) {
  while (i < str.length) {
    // Consume whitespace
    for (; i < str.length; ++i) {
      const code = str.charCodeAt(i);
      if (code !== 32/* ' ' */ && code !== 9/* '\t' */)
        break;
    }

    // Ended on whitespace
    if (i === str.length)
      break;

    // Check for malformed parameter
    if (str.charCodeAt(i++) !== 59/* ';' */)
      return;

    // Consume whitespace
    for (; i < str.length; ++i) {
      const code = str.charCodeAt(i);
      if (code !== 32/* ' ' */ && code !== 9/* '\t' */)
        break;
    }

    // Ended on whitespace (malformed)
    if (i === str.length)
      return;

    let name;
    const nameStart = i;
    // Parse parameter name
    for (; i < str.length; ++i) {
      const code = str.charCodeAt(i);
      if (TOKEN[code] !== 1) {
        if (code !== 61/* '=' */)
          return;
        break;
      }
    }

    // No value (malformed)
    if (i === str.length)
      return;

    name = str.slice(nameStart, i);
    ++i; // Skip over '='

    // No value (malformed)
    if (i === str.length)
      return;

    let value = '';
    let valueStart;
    if (str.charCodeAt(i) === 34/* '"' */) {
      valueStart = ++i;
      let escaping = false;
      // Parse quoted value
      for (; i < str.length; ++i) {
        const code = str.charCodeAt(i);
        if (code === 92/* '\\' */) {
          if (escaping) {
            valueStart = i;
            escaping = false;
          } else {
            value += str.slice(valueStart, i);
            escaping = true;
          }
          continue;
        }
        if (code === 34/* '"' */) {
          if (escaping) {
            valueStart = i;
            escaping = false;
            continue;
          }
          value += str.slice(valueStart, i);
          break;
        }
        if (escaping) {
          valueStart = i - 1;
          escaping = false;
        }
        // Invalid unescaped quoted character (malformed)
        if (QDTEXT[code] !== 1)
          return;
      }

      // No end quote (malformed)
      if (i === str.length)
        return;

      ++i; // Skip over double quote
    } else {
      valueStart = i;
      // Parse unquoted value
      for (; i < str.length; ++i) {
        const code = str.charCodeAt(i);
        if (TOKEN[code] !== 1) {
          // No value (malformed)
          if (i === valueStart)
            return;
          break;
        }
      }
      value = str.slice(valueStart, i);
    }

    name = name.toLowerCase();
    if (params[name] === undefined)
      params[name] = value;
  }

  return params;
}

function parseDisposition(str, defDecoder) {
  if (str.length === 0)
    return;

  const params = Object.create(null);
  let i = 0;

  for (; i < str.length; ++i) {
    const code = str.charCodeAt(i);
    if (TOKEN[code] !== 1) {
      if (parseDispositionParams(str, i, params, defDecoder) === undefined)
        return;
      break;
    }
  }

  const type = str.slice(0, i).toLowerCase();

  return { type, params };
}

function parseDispositionParams(str, i, params, defDecoder) {
  while (i < str.length) {
    // Consume whitespace
    for (; i < str.length; ++i) {
      const code = str.charCodeAt(i);
      if (code !== 32/* ' ' */ && code !== 9/* '\t' */)
        break;
    }

    // Ended on whitespace
    if (i === str.length)
      break;

    // Check for malformed parameter
    if (str.charCodeAt(i++) !== 59/* ';' */)
      return;

    // Consume whitespace
    for (; i < str.length; ++i) {
      const code = str.charCodeAt(i);
      if (code !== 32/* ' ' */ && code !== 9/* '\t' */)
        break;
    }

    // Ended on whitespace (malformed)
    if (i === str.length)
      return;

    let name;
    const nameStart = i;
    // Parse parameter name
    for (; i < str.length; ++i) {
      const code = str.charCodeAt(i);
      if (TOKEN[code] !== 1) {
        if (code === 61/* '=' */)
          break;
        return;
      }
    }

    // No value (malformed)
    if (i === str.length)
      return;

    let value = '';
    let valueStart;
    let charset;
    //~ let lang;
    name = str.slice(nameStart, i);
    if (name.charCodeAt(name.length - 1) === 42/* '*' */) {
      // Extended value

      const charsetStart = ++i;
      // Parse charset name
      for (; i < str.length; ++i) {
        const code = str.charCodeAt(i);
        if (CHARSET[code] !== 1) {
          if (code !== 39/* '\'' */)
            return;
          break;
        }
      }

      // Incomplete charset (malformed)
      if (i === str.length)
        return;

      charset = str.slice(charsetStart, i);
      ++i; // Skip over the '\''

      //~ const langStart = ++i;
      // Parse language name
      for (; i < str.length; ++i) {
        const code = str.charCodeAt(i);
        if (code === 39/* '\'' */)
          break;
      }

      // Incomplete language (malformed)
      if (i === str.length)
        return;

      //~ lang = str.slice(langStart, i);
      ++i; // Skip over the '\''

      // No value (malformed)
      if (i === str.length)
        return;

      valueStart = i;

      let encode = 0;
      // Parse value
      for (; i < str.length; ++i) {
        const code = str.charCodeAt(i);
        if (EXTENDED_VALUE[code] !== 1) {
          if (code === 37/* '%' */) {
            let hexUpper;
            let hexLower;
            if (i + 2 < str.length
                && (hexUpper = HEX_VALUES[str.charCodeAt(i + 1)]) !== -1
                && (hexLower = HEX_VALUES[str.charCodeAt(i + 2)]) !== -1) {
              const byteVal = (hexUpper << 4) + hexLower;
              value += str.slice(valueStart, i);
              value += String.fromCharCode(byteVal);
              i += 2;
              valueStart = i + 1;
              if (byteVal >= 128)
                encode = 2;
              else if (encode === 0)
                encode = 1;
              continue;
            }
            // '%' disallowed in non-percent encoded contexts (malformed)
            return;
          }
          break;
        }
      }

      value += str.slice(valueStart, i);
      value = convertToUTF8(value, charset, encode);
      if (value === undefined)
        return;
    } else {
      // Non-extended value

      ++i; // Skip over '='

      // No value (malformed)
      if (i === str.length)
        return;

      if (str.charCodeAt(i) === 34/* '"' */) {
        valueStart = ++i;
        let escaping = false;
        // Parse quoted value
        for (; i < str.length; ++i) {
          const code = str.charCodeAt(i);
          if (code === 92/* '\\' */) {
            if (escaping) {
              valueStart = i;
              escaping = false;
            } else {
              value += str.slice(valueStart, i);
              escaping = true;
            }
            continue;
          }
          if (code === 34/* '"' */) {
            if (escaping) {
              valueStart = i;
              escaping = false;
              continue;
            }
            value += str.slice(valueStart, i);
            break;
          }
          if (escaping) {
            valueStart = i - 1;
            escaping = false;
          }
          // Invalid unescaped quoted character (malformed)
          if (QDTEXT[code] !== 1)
            return;
        }

        // No end quote (malformed)
        if (i === str.length)
          return;

        ++i; // Skip over double quote
      } else {
        valueStart = i;
        // Parse unquoted value
        for (; i < str.length; ++i) {
          const code = str.charCodeAt(i);
          if (TOKEN[code] !== 1) {
            // No value (malformed)
            if (i === valueStart)
              return;
            break;
          }
        }
        value = str.slice(valueStart, i);
      }

      value = defDecoder(value, 2);
      if (value === undefined)
        return;
    }

    name = name.toLowerCase();
    if (params[name] === undefined)
      params[name] = value;
  }

  return params;
}

function getDecoder(charset) {
  let lc;
  while (true) {
    switch (charset) {
      case 'utf-8':
      case 'utf8':
        return decoders.utf8;
      case 'latin1':
      case 'ascii': // TODO: Make these a separate, strict decoder?
      case 'us-ascii':
      case 'iso-8859-1':
      case 'iso8859-1':
      case 'iso88591':
      case 'iso_8859-1':
      case 'windows-1252':
      case 'iso_8859-1:1987':
      case 'cp1252':
      case 'x-cp1252':
        return decoders.latin1;
      case 'utf16le':
      case 'utf-16le':
      case 'ucs2':
      case 'ucs-2':
        return decoders.utf16le;
      case 'base64':
        return decoders.base64;
      default:
        if (lc === undefined) {
          lc = true;
          charset = charset.toLowerCase();
          continue;
        }
        return decoders.other.bind(charset);
    }
  }
}

const decoders = {
  utf8: (data, hint) => {
    if (data.length === 0)
      return '';
    if (typeof data === 'string') {
      // If `data` never had any percent-encoded bytes or never had any that
      // were outside of the ASCII range, then we can safely just return the
      // input since UTF-8 is ASCII compatible
      if (hint < 2)
        return data;

      data = Buffer.from(data, 'latin1');
    }
    return data.utf8Slice(0, data.length);
  },

  latin1: (data, hint) => {
    if (data.length === 0)
      return '';
    if (typeof data === 'string')
      return data;
    return data.latin1Slice(0, data.length);
  },

  utf16le: (data, hint) => {
    if (data.length === 0)
      return '';
    if (typeof data === 'string')
      data = Buffer.from(data, 'latin1');
    return data.ucs2Slice(0, data.length);
  },

  base64: (data, hint) => {
    if (data.length === 0)
      return '';
    if (typeof data === 'string')
      data = Buffer.from(data, 'latin1');
    return data.base64Slice(0, data.length);
  },

  other: (data, hint) => {
    if (data.length === 0)
      return '';
    if (typeof data === 'string')
      data = Buffer.from(data, 'latin1');
    try {
      const decoder = new TextDecoder(this);
      return decoder.decode(data);
    } catch {}
  },
};

function convertToUTF8(data, charset, hint) {
  const decode = getDecoder(charset);
  if (decode)
    return decode(data, hint);
}

function basename(path) {
  if (typeof path !== 'string')
    return '';
  for (let i = path.length - 1; i >= 0; --i) {
    switch (path.charCodeAt(i)) {
      case 0x2F: // '/'
      case 0x5C: // '\'
        path = path.slice(i + 1);
        return (path === '..' || path === '.' ? '' : path);
    }
  }
  return (path === '..' || path === '.' ? '' : path);
}

const TOKEN = [
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 1, 0, 1, 1, 1, 1, 1, 0, 0, 1, 1, 0, 1, 1, 0,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
  0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 0, 1, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
];

const QDTEXT = [
  0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
];

const CHARSET = [
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 1, 0, 1, 1, 1, 1, 0, 0, 0, 0, 1, 0, 1, 0, 0,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
  0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
];

const EXTENDED_VALUE = [
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 1, 0, 1, 1, 0, 1, 0, 0, 0, 0, 1, 0, 1, 1, 0,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
  0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 0, 1, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
];

/* eslint-disable no-multi-spaces */
const HEX_VALUES = [
  -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
  -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
  -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
   0,  1,  2,  3,  4,  5,  6,  7,  8,  9, -1, -1, -1, -1, -1, -1,
  -1, 10, 11, 12, 13, 14, 15, -1, -1, -1, -1, -1, -1, -1, -1, -1,
  -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
  -1, 10, 11, 12, 13, 14, 15, -1, -1, -1, -1, -1, -1, -1, -1, -1,
  -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
  -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
  -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
  -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
  -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
  -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
  -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
  -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
  -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
];
/* eslint-enable no-multi-spaces */

module.exports = {
  basename,
  convertToUTF8,
  getDecoder,
  parseContentType,
  parseDisposition,
};


/***/ }),

/***/ 26:
/***/ ((module) => {


/*
  Based heavily on the Streaming Boyer-Moore-Horspool C++ implementation
  by Hongli Lai at: https://github.com/FooBarWidget/boyer-moore-horspool
*/
function memcmp(buf1, pos1, buf2, pos2, num) {
  for (let i = 0; i < num; ++i) {
    if (buf1[pos1 + i] !== buf2[pos2 + i])
      return false;
  }
  return true;
}

class SBMH {
  constructor(needle, cb) {
    if (typeof cb !== 'function')
      throw new Error('Missing match callback');

    if (typeof needle === 'string')
      needle = Buffer.from(needle);
    else if (!Buffer.isBuffer(needle))
      throw new Error(`Expected Buffer for needle, got ${typeof needle}`);

    const needleLen = needle.length;

    this.maxMatches = Infinity;
    this.matches = 0;

    this._cb = cb;
    this._lookbehindSize = 0;
    this._needle = needle;
    this._bufPos = 0;

    this._lookbehind = Buffer.allocUnsafe(needleLen);

    // Initialize occurrence table.
    this._occ = [
      needleLen, needleLen, needleLen, needleLen, needleLen, needleLen,
      needleLen, needleLen, needleLen, needleLen, needleLen, needleLen,
      needleLen, needleLen, needleLen, needleLen, needleLen, needleLen,
      needleLen, needleLen, needleLen, needleLen, needleLen, needleLen,
      needleLen, needleLen, needleLen, needleLen, needleLen, needleLen,
      needleLen, needleLen, needleLen, needleLen, needleLen, needleLen,
      needleLen, needleLen, needleLen, needleLen, needleLen, needleLen,
      needleLen, needleLen, needleLen, needleLen, needleLen, needleLen,
      needleLen, needleLen, needleLen, needleLen, needleLen, needleLen,
      needleLen, needleLen, needleLen, needleLen, needleLen, needleLen,
      needleLen, needleLen, needleLen, needleLen, needleLen, needleLen,
      needleLen, needleLen, needleLen, needleLen, needleLen, needleLen,
      needleLen, needleLen, needleLen, needleLen, needleLen, needleLen,
      needleLen, needleLen, needleLen, needleLen, needleLen, needleLen,
      needleLen, needleLen, needleLen, needleLen, needleLen, needleLen,
      needleLen, needleLen, needleLen, needleLen, needleLen, needleLen,
      needleLen, needleLen, needleLen, needleLen, needleLen, needleLen,
      needleLen, needleLen, needleLen, needleLen, needleLen, needleLen,
      needleLen, needleLen, needleLen, needleLen, needleLen, needleLen,
      needleLen, needleLen, needleLen, needleLen, needleLen, needleLen,
      needleLen, needleLen, needleLen, needleLen, needleLen, needleLen,
      needleLen, needleLen, needleLen, needleLen, needleLen, needleLen,
      needleLen, needleLen, needleLen, needleLen, needleLen, needleLen,
      needleLen, needleLen, needleLen, needleLen, needleLen, needleLen,
      needleLen, needleLen, needleLen, needleLen, needleLen, needleLen,
      needleLen, needleLen, needleLen, needleLen, needleLen, needleLen,
      needleLen, needleLen, needleLen, needleLen, needleLen, needleLen,
      needleLen, needleLen, needleLen, needleLen, needleLen, needleLen,
      needleLen, needleLen, needleLen, needleLen, needleLen, needleLen,
      needleLen, needleLen, needleLen, needleLen, needleLen, needleLen,
      needleLen, needleLen, needleLen, needleLen, needleLen, needleLen,
      needleLen, needleLen, needleLen, needleLen, needleLen, needleLen,
      needleLen, needleLen, needleLen, needleLen, needleLen, needleLen,
      needleLen, needleLen, needleLen, needleLen, needleLen, needleLen,
      needleLen, needleLen, needleLen, needleLen, needleLen, needleLen,
      needleLen, needleLen, needleLen, needleLen, needleLen, needleLen,
      needleLen, needleLen, needleLen, needleLen, needleLen, needleLen,
      needleLen, needleLen, needleLen, needleLen, needleLen, needleLen,
      needleLen, needleLen, needleLen, needleLen, needleLen, needleLen,
      needleLen, needleLen, needleLen, needleLen, needleLen, needleLen,
      needleLen, needleLen, needleLen, needleLen, needleLen, needleLen,
      needleLen, needleLen, needleLen, needleLen, needleLen, needleLen,
      needleLen, needleLen, needleLen, needleLen
    ];

    // Populate occurrence table with analysis of the needle, ignoring the last
    // letter.
    if (needleLen > 1) {
      for (let i = 0; i < needleLen - 1; ++i)
        this._occ[needle[i]] = needleLen - 1 - i;
    }
  }

  reset() {
    this.matches = 0;
    this._lookbehindSize = 0;
    this._bufPos = 0;
  }

  push(chunk, pos) {
    let result;
    if (!Buffer.isBuffer(chunk))
      chunk = Buffer.from(chunk, 'latin1');
    const chunkLen = chunk.length;
    this._bufPos = pos || 0;
    while (result !== chunkLen && this.matches < this.maxMatches)
      result = feed(this, chunk);
    return result;
  }

  destroy() {
    const lbSize = this._lookbehindSize;
    if (lbSize)
      this._cb(false, this._lookbehind, 0, lbSize, false);
    this.reset();
  }
}

function feed(self, data) {
  const len = data.length;
  const needle = self._needle;
  const needleLen = needle.length;

  // Positive: points to a position in `data`
  //           pos == 3 points to data[3]
  // Negative: points to a position in the lookbehind buffer
  //           pos == -2 points to lookbehind[lookbehindSize - 2]
  let pos = -self._lookbehindSize;
  const lastNeedleCharPos = needleLen - 1;
  const lastNeedleChar = needle[lastNeedleCharPos];
  const end = len - needleLen;
  const occ = self._occ;
  const lookbehind = self._lookbehind;

  if (pos < 0) {
    // Lookbehind buffer is not empty. Perform Boyer-Moore-Horspool
    // search with character lookup code that considers both the
    // lookbehind buffer and the current round's haystack data.
    //
    // Loop until
    //   there is a match.
    // or until
    //   we've moved past the position that requires the
    //   lookbehind buffer. In this case we switch to the
    //   optimized loop.
    // or until
    //   the character to look at lies outside the haystack.
    while (pos < 0 && pos <= end) {
      const nextPos = pos + lastNeedleCharPos;
      const ch = (nextPos < 0
                  ? lookbehind[self._lookbehindSize + nextPos]
                  : data[nextPos]);

      if (ch === lastNeedleChar
          && matchNeedle(self, data, pos, lastNeedleCharPos)) {
        self._lookbehindSize = 0;
        ++self.matches;
        if (pos > -self._lookbehindSize)
          self._cb(true, lookbehind, 0, self._lookbehindSize + pos, false);
        else
          self._cb(true, undefined, 0, 0, true);

        return (self._bufPos = pos + needleLen);
      }

      pos += occ[ch];
    }

    // No match.

    // There's too few data for Boyer-Moore-Horspool to run,
    // so let's use a different algorithm to skip as much as
    // we can.
    // Forward pos until
    //   the trailing part of lookbehind + data
    //   looks like the beginning of the needle
    // or until
    //   pos == 0
    while (pos < 0 && !matchNeedle(self, data, pos, len - pos))
      ++pos;

    if (pos < 0) {
      // Cut off part of the lookbehind buffer that has
      // been processed and append the entire haystack
      // into it.
      const bytesToCutOff = self._lookbehindSize + pos;

      if (bytesToCutOff > 0) {
        // The cut off data is guaranteed not to contain the needle.
        self._cb(false, lookbehind, 0, bytesToCutOff, false);
      }

      self._lookbehindSize -= bytesToCutOff;
      lookbehind.copy(lookbehind, 0, bytesToCutOff, self._lookbehindSize);
      lookbehind.set(data, self._lookbehindSize);
      self._lookbehindSize += len;

      self._bufPos = len;
      return len;
    }

    // Discard lookbehind buffer.
    self._cb(false, lookbehind, 0, self._lookbehindSize, false);
    self._lookbehindSize = 0;
  }

  pos += self._bufPos;

  const firstNeedleChar = needle[0];

  // Lookbehind buffer is now empty. Perform Boyer-Moore-Horspool
  // search with optimized character lookup code that only considers
  // the current round's haystack data.
  while (pos <= end) {
    const ch = data[pos + lastNeedleCharPos];

    if (ch === lastNeedleChar
        && data[pos] === firstNeedleChar
        && memcmp(needle, 0, data, pos, lastNeedleCharPos)) {
      ++self.matches;
      if (pos > 0)
        self._cb(true, data, self._bufPos, pos, true);
      else
        self._cb(true, undefined, 0, 0, true);

      return (self._bufPos = pos + needleLen);
    }

    pos += occ[ch];
  }

  // There was no match. If there's trailing haystack data that we cannot
  // match yet using the Boyer-Moore-Horspool algorithm (because the trailing
  // data is less than the needle size) then match using a modified
  // algorithm that starts matching from the beginning instead of the end.
  // Whatever trailing data is left after running this algorithm is added to
  // the lookbehind buffer.
  while (pos < len) {
    if (data[pos] !== firstNeedleChar
        || !memcmp(data, pos, needle, 0, len - pos)) {
      ++pos;
      continue;
    }
    data.copy(lookbehind, 0, pos, len);
    self._lookbehindSize = len - pos;
    break;
  }

  // Everything until `pos` is guaranteed not to contain needle data.
  if (pos > 0)
    self._cb(false, data, self._bufPos, pos < len ? pos : len, true);

  self._bufPos = len;
  return len;
}

function matchNeedle(self, data, pos, len) {
  const lb = self._lookbehind;
  const lbSize = self._lookbehindSize;
  const needle = self._needle;

  for (let i = 0; i < len; ++i, ++pos) {
    const ch = (pos < 0 ? lb[lbSize + pos] : data[pos]);
    if (ch !== needle[i])
      return false;
  }
  return true;
}

module.exports = SBMH;


/***/ }),

/***/ 203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

;// CONCATENATED MODULE: external "node:util"
const external_node_util_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");
;// CONCATENATED MODULE: external "node:http"
const external_node_http_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");
;// CONCATENATED MODULE: ./build/emulator/checks.js
/**
 * Small value checks shared by the HUB and Platform validators, and the wording helpers that keep
 * protocol-error sentences uniform ("field isBest is 'true'; HUB-API.md spells it True or False").
 */
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v) => Number.isInteger(v);
const isCount = (v) => Number.isInteger(v) && v >= 0;
const isNumOrNull = (v) => v === null || (typeof v === 'number' && Number.isFinite(v));
/** A short description of a value for messages: `'true'`, `5`, `an object`, `missing`. */
function describe(v) {
    if (v === undefined)
        return 'missing';
    if (v === null)
        return 'null';
    if (typeof v === 'string')
        return `'${v.length > 60 ? v.slice(0, 57) + '...' : v}'`;
    if (Array.isArray(v))
        return 'a list';
    if (typeof v === 'object')
        return 'an object';
    return String(v);
}
/** The keys of `obj` whose values fail `ok`, described, e.g. `box (a list), cls ('x')`; at most five. */
function badEntries(obj, ok) {
    const bad = Object.entries(obj).filter(([, v]) => !ok(v));
    if (bad.length === 0)
        return undefined;
    const shown = bad.slice(0, 5).map(([k, v]) => `${k} (${describe(v)})`);
    return shown.join(', ') + (bad.length > 5 ? ` and ${bad.length - 5} more` : '');
}
/** True when a string looks like a local absolute path (`/…`, `~…`, `C:\…`). */
const isLocalPath = (s) => /^(\/|~|[A-Za-z]:\\)/.test(s);
/** Parses a request body as JSON; the problem names Python's non-JSON words when they are the cause. */
function parseJson(text, doc) {
    try {
        return { ok: true, value: JSON.parse(text) };
    }
    catch (e) {
        const word = /(?<![\w"])(-?Infinity|NaN)(?![\w"])/.exec(text)?.[1];
        if (word) {
            return { ok: false, problem: `the body holds a bare ${word}, which is not JSON; ${doc} sends null instead` };
        }
        return { ok: false, problem: `the body is not JSON (${e.message})` };
    }
}
/** True when the Content-Type header is the given media type (parameters such as charset allowed). */
function hasMediaType(header, type) {
    return (header ?? '').split(';')[0].trim().toLowerCase() === type;
}

;// CONCATENATED MODULE: ./build/emulator/faults.js
/**
 * Fault injection: rules that make the next matching requests fail in a chosen way (an HTTP status,
 * a reset socket, a stall, an HTML page, a server that is down). The server asks `take(target)` once
 * per request; this module only decides which rule fires, the server carries it out.
 *
 * Platform's six events share one path, so a `platform:<event>` target is known only once the
 * (small JSON) body is read: `reset: before` and `mid-body` on those fire after the body arrived,
 * still without acting. On every other target they fire before or during the body, except on the
 * weights downloads (`hub:weights`), whose `mid-body` cuts the answer's body half-way.
 */
const FAULT_TARGETS = [
    'hub:auth',
    'hub:get-model',
    'hub:create',
    'hub:metrics',
    'hub:get-metrics',
    'hub:upload',
    'hub:heartbeat',
    'hub:weights',
    'hub:asset',
    'platform:training_started',
    'platform:epoch_end',
    'platform:console_output',
    'platform:checkpoint_saved',
    'platform:training_complete',
    'platform:training_failed',
    'platform:upload-url',
    'platform:put',
    '*',
];
function kindOf(fault) {
    if ('status' in fault)
        return 'status';
    if ('reset' in fault)
        return `reset:${fault.reset}`;
    if ('delayMs' in fault)
        return 'delay';
    if ('html' in fault)
        return 'html';
    return 'down';
}
class Faults {
    rules = [];
    add(target, fault, opts = {}) {
        const checked = parseFault({ target, fault, times: opts.times, after: opts.after });
        this.rules.push(checked);
    }
    /**
     * The fault for one request with this target, if any. Every matching rule that still has
     * requests to skip counts this one; the first matching rule with none left fires.
     */
    take(target) {
        let chosen;
        for (const rule of this.rules) {
            if (rule.target !== '*' && rule.target !== target)
                continue;
            if (rule.after > 0) {
                rule.after--;
                continue;
            }
            chosen ??= rule;
        }
        if (!chosen)
            return undefined;
        chosen.times--;
        if (chosen.times <= 0)
            this.rules = this.rules.filter((r) => r !== chosen);
        return chosen.fault;
    }
    /** Rules not yet used up (for the control API and test diagnostics). */
    pending() {
        return this.rules.map((r) => ({ ...r }));
    }
    clear() {
        this.rules = [];
    }
}
const faults_isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const faults_isCount = (v) => Number.isInteger(v) && v >= 0;
/** Checks a rule given as untrusted JSON (the HTTP control API) and returns it typed; throws with the reason. */
function parseFault(input) {
    if (!faults_isObject(input))
        throw new Error('a fault rule must be an object {target, fault, times?, after?}');
    const { target, fault, times = 1, after = 0 } = input;
    if (!FAULT_TARGETS.includes(target)) {
        throw new Error(`unknown fault target ${JSON.stringify(target)}; use one of ${FAULT_TARGETS.join(', ')}`);
    }
    if (!faults_isCount(times) || times < 1)
        throw new Error(`times must be an integer >= 1, got ${JSON.stringify(times)}`);
    if (!faults_isCount(after))
        throw new Error(`after must be an integer >= 0, got ${JSON.stringify(after)}`);
    return { target: target, fault: checkFault(fault), times, after };
}
function checkFault(fault) {
    const bad = (why) => new Error(`invalid fault ${JSON.stringify(fault)}: ${why}`);
    if (!faults_isObject(fault))
        throw bad('it must be an object');
    const keys = Object.keys(fault);
    if ('status' in fault) {
        const { status, retryAfter, body } = fault;
        if (!Number.isInteger(status) || status < 100 || status > 599) {
            throw bad('status must be an HTTP status code');
        }
        if (retryAfter !== undefined && typeof retryAfter !== 'number' && typeof retryAfter !== 'string') {
            throw bad('retryAfter must be a number of seconds or an HTTP date string');
        }
        if (body !== undefined && typeof body !== 'string')
            throw bad('body must be a string');
        if (keys.some((k) => !['status', 'retryAfter', 'body'].includes(k)))
            throw bad('unexpected key');
        return fault;
    }
    if (keys.length !== 1)
        throw bad('give exactly one of status, reset, delayMs, html, down');
    if ('reset' in fault) {
        if (!['before', 'mid-body', 'after-action'].includes(fault.reset)) {
            throw bad("reset must be 'before', 'mid-body' or 'after-action'");
        }
        return fault;
    }
    if ('delayMs' in fault) {
        if (!faults_isCount(fault.delayMs))
            throw bad('delayMs must be an integer >= 0');
        return fault;
    }
    if ('html' in fault) {
        if (fault.html !== true)
            throw bad('html must be true');
        return fault;
    }
    if ('down' in fault) {
        if (!faults_isObject(fault.down) || !faults_isCount(fault.down.ms))
            throw bad('down must be {ms: integer >= 0}');
        return fault;
    }
    throw bad('give exactly one of status, reset, delayMs, html, down');
}

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: ./build/emulator/http-io.js
/**
 * Low-level request and response handling: reading or draining bodies, hashing a stream in constant
 * memory, waiting for the first body bytes or for a stall to end, and writing answers.
 */

/** A request header as one string (repeated headers joined), or undefined when absent. */
function header(req, name) {
    const v = req.headers[name];
    return Array.isArray(v) ? v.join(', ') : v;
}
/** Largest JSON body the emulator keeps; bigger ones are drained and refused. */
const MAX_TEXT_BODY = 64 * 1024 * 1024;
/** Reads the whole body as UTF-8; `tooLarge` when it passed `limit` (the rest is drained, not kept). */
async function readText(req, limit = MAX_TEXT_BODY) {
    const chunks = [];
    let size = 0;
    for await (const chunk of req) {
        size += chunk.length;
        if (size <= limit)
            chunks.push(chunk);
    }
    return { text: size <= limit ? Buffer.concat(chunks).toString('utf8') : '', tooLarge: size > limit };
}
/** Reads and discards the rest of a body (so the client can finish sending before it is answered). */
async function drain(req) {
    if (req.readableEnded)
        return;
    for await (const _ of req)
        void _;
}
/** SHA-256 and byte count of a stream, keeping no bytes. */
async function hashStream(stream) {
    const hash = (0,external_node_crypto_namespaceObject.createHash)('sha256');
    let bytes = 0;
    for await (const chunk of stream) {
        hash.update(chunk);
        bytes += chunk.length;
    }
    return { bytes, sha256: hash.digest('hex') };
}
/** Resolves once some body bytes arrived (or the body ended, or the client left). */
function firstChunk(req) {
    if (req.readableEnded)
        return Promise.resolve();
    return new Promise((resolve) => {
        req.once('data', () => resolve());
        req.once('end', () => resolve());
        req.once('close', () => resolve());
        req.once('error', () => resolve());
    });
}
/** Waits `ms`; resolves true if the client is still connected then, false as soon as it leaves. */
function stall(res, ms) {
    if (!clientThere(res))
        return Promise.resolve(false);
    return new Promise((resolve) => {
        const onClose = () => {
            clearTimeout(timer);
            resolve(false);
        };
        const timer = setTimeout(() => {
            res.off('close', onClose);
            resolve(clientThere(res));
        }, ms);
        res.once('close', onClose);
    });
}
const clientThere = (res) => !res.destroyed && !(res.socket?.destroyed ?? true);
/** Writes an answer; returns false when the client was already gone. */
function send(res, answer) {
    if (!clientThere(res))
        return false;
    const body = answer.raw ?? (answer.json === undefined ? '' : JSON.stringify(answer.json));
    const type = answer.contentType ?? (answer.raw === undefined ? 'application/json' : 'text/plain; charset=utf-8');
    const headers = { ...answer.headers, 'content-length': Buffer.byteLength(body) };
    if (body !== '')
        headers['content-type'] = type;
    res.writeHead(answer.status, headers);
    if (answer.cutAfter !== undefined) {
        const bytes = typeof body === 'string' ? Buffer.from(body) : body;
        res.write(bytes.subarray(0, answer.cutAfter), () => res.socket?.destroy());
        return true;
    }
    res.end(body);
    return true;
}
const HTML_PAGE = '<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>' +
    '<body><h1>Bad Gateway</h1><p>The upstream server did not answer in time. Please try again.</p></body></html>\n';

;// CONCATENATED MODULE: ./build/emulator/routes.js
const json = (status, body, headers) => ({
    status,
    json: body,
    headers,
});
/** Platform's error body. */
const platformError = (status, message) => json(status, { error: message });
/** HUB's error body. */
const hubError = (status, message) => json(status, { success: false, message });

;// CONCATENATED MODULE: ./build/emulator/ids.js
/** Random identifiers in the shapes the real services use (20-char model ids, hex tokens). */

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** `length` letters and digits, like HUB's 20-char model ids. */
function randomId(length = 20) {
    let id = '';
    for (let i = 0; i < length; i++)
        id += ALNUM[(0,external_node_crypto_namespaceObject.randomInt)(ALNUM.length)];
    return id;
}
const randomHex = (bytes) => (0,external_node_crypto_namespaceObject.randomBytes)(bytes).toString('hex');

;// CONCATENATED MODULE: ./build/emulator/weights-store.js
/**
 * Weights files the emulator serves for HUB models, as the real service hands them out: a signed
 * storage URL (the credential is in its query, so a client must send no key there) and, for a
 * parent model, a public release asset that redirects to its storage URL. Bytes are kept in memory;
 * seeded files are small.
 */


function createWeightsStore(origin) {
    const secret = (0,external_node_crypto_namespaceObject.randomBytes)(32);
    const files = new Map();
    const assets = new Map();
    const signedUrl = (s) => {
        const query = new URLSearchParams({
            'X-Goog-Algorithm': 'GOOG4-RSA-SHA256',
            'X-Goog-Credential': 'emulator-signer/auto/storage/goog4_request',
            'X-Goog-Expires': '604800',
            'X-Goog-Signature': s.signature,
        });
        return `${origin()}/_storage/${s.token}/${encodeURIComponent(s.file)}?${query}`;
    };
    return {
        add(file, bytes) {
            const token = randomHex(12);
            const data = (0,external_node_crypto_namespaceObject.randomBytes)(bytes);
            const stored = {
                token,
                file,
                data,
                sha256: (0,external_node_crypto_namespaceObject.createHash)('sha256').update(data).digest('hex'),
                signature: (0,external_node_crypto_namespaceObject.createHmac)('sha256', secret).update(token).digest('hex'),
            };
            files.set(token, stored);
            return { ...stored, url: signedUrl(stored) };
        },
        assetUrl(stored) {
            const release = `v${stored.token.slice(0, 6)}`;
            assets.set(`${release}/${stored.file}`, stored);
            return `${origin()}/_assets/${release}/${encodeURIComponent(stored.file)}`;
        },
        byToken: (token) => files.get(token),
        assetTarget(release, file) {
            const stored = assets.get(`${release}/${file}`);
            return stored ? signedUrl(stored) : undefined;
        },
        signedUrl,
        clear() {
            files.clear();
            assets.clear();
        },
    };
}
/** `bytes=N-` or `bytes=N-M` against a file of `size` bytes: the slice, 'unsatisfiable', or undefined (no usable Range). */
function byteRange(header, size) {
    const m = /^bytes=(\d+)-(\d*)$/.exec(header?.trim() ?? '');
    if (!m)
        return undefined;
    const start = Number(m[1]);
    const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
    if (start >= size || end < start)
        return 'unsatisfiable';
    return { start, end };
}

;// CONCATENATED MODULE: ./build/emulator/hub-weights.js
/**
 * The weights side of the HUB emulator: the five kinds of model a training can be prepared from
 * (new, pretrained, from an architecture, resumable, trained), seeded with the model data fields
 * of HUB-API.md, and the downloads their weights URLs point at. Storage answers Range requests
 * (206, with an ETag for If-Range), as cloud storage does; a key sent to a signed URL or to a
 * public asset is a protocol error (the URL is its own credential).
 */



const HUB_CASES = ['new', 'pretrained', 'architecture', 'resumable', 'trained'];
const DEFAULT_BYTES = 256 * 1024;
/** The `file` path segment decoded ('' when its %-escapes are malformed: no such file). */
function fileParam(x) {
    try {
        return decodeURIComponent(x.params.file);
    }
    catch {
        return '';
    }
}
const DOC = 'HUB-API.md';
function createHubWeights(state, addModel, origin) {
    const store = createWeightsStore(origin);
    function addCase(kind, opts = {}) {
        if (!HUB_CASES.includes(kind))
            throw new Error(`unknown case ${JSON.stringify(kind)}; use one of ${HUB_CASES.join(', ')}`);
        const bytes = opts.bytes ?? DEFAULT_BYTES;
        let data;
        let weights;
        const keep = (file, url) => {
            const s = store.add(file, bytes);
            weights = { url: url(s), file, sha256: s.sha256, bytes };
            return weights.url;
        };
        switch (kind) {
            case 'new':
                // Made on HUB and never trained: no train_args yet, the flat config says it all.
                data = { status: 'new', cfg: 'yolo11n.yaml', train_args: {} };
                break;
            case 'pretrained':
                data = {
                    status: 'new',
                    is_pretrained: true,
                    cfg: 'yolo11n.yaml',
                    weights: keep('yolo11n.pt', (s) => store.assetUrl(s)),
                    train_args: { batch: 8, epochs: 30, imgsz: 640, patience: 10, device: '', cache: 'disk', data: 'coco8.yaml' },
                };
                break;
            case 'architecture':
                data = {
                    status: 'new',
                    cfg: 'yolo11s.yaml',
                    train_args: { batch: 32, epochs: 50, imgsz: 320, patience: 100, device: '0', cache: 'ram', data: 'coco8.yaml' },
                };
                break;
            case 'resumable':
                data = { status: 'training', has_last_weights: true, resume: keep('last.pt', (s) => s.url), train_args: { epochs: 100, data: 'coco8.yaml' } };
                break;
            case 'trained':
                data = { status: 'trained', has_last_weights: true, has_best_weights: true, weights: keep('best.pt', (s) => s.url) };
                break;
        }
        return { id: addModel({ ...data, ...opts.data }), weights };
    }
    function keySent(x) {
        if (header(x.req, 'x-api-key') !== undefined || header(x.req, 'authorization') !== undefined) {
            x.flag(`the API key was sent with a weights download; ${DOC}: weights URLs carry their own credential, send no key there`);
        }
    }
    function prepareStorage(x) {
        keySent(x);
        const stored = store.byToken(x.params.token);
        if (!stored || fileParam(x) !== stored.file)
            return { answer: platformError(404, 'No such object') };
        if (x.query.get('X-Goog-Signature') !== stored.signature) {
            x.flag("the signed weights URL's X-Goog-Signature was changed; fetch the URL exactly as the model data gives it");
            return { answer: platformError(403, 'Signature does not match') };
        }
        const size = stored.data.length;
        const etag = `"${stored.sha256.slice(0, 32)}"`;
        const rangeHeader = header(x.req, 'range');
        const ifRange = header(x.req, 'if-range');
        const range = ifRange === undefined || ifRange === etag ? byteRange(rangeHeader, size) : undefined;
        const base = { 'Accept-Ranges': 'bytes', ETag: etag };
        const record = (status) => state.hub.downloads.push({ kind: 'storage', file: stored.file, ...(rangeHeader ? { range: rangeHeader } : {}), status });
        if (range === 'unsatisfiable') {
            record(416);
            return { answer: { status: 416, raw: '', headers: { ...base, 'Content-Range': `bytes */${size}` } } };
        }
        const status = range ? 206 : 200;
        record(status);
        const body = range ? stored.data.subarray(range.start, range.end + 1) : stored.data;
        const headers = range ? { ...base, 'Content-Range': `bytes ${range.start}-${range.end}/${size}` } : base;
        return { answer: { status, raw: body, contentType: 'application/octet-stream', headers } };
    }
    function prepareAsset(x) {
        keySent(x);
        const target = store.assetTarget(x.params.release, fileParam(x));
        if (!target)
            return { answer: platformError(404, 'Not Found') };
        state.hub.downloads.push({ kind: 'asset', file: fileParam(x), status: 302 });
        return { answer: { status: 302, raw: '', headers: { Location: target } } };
    }
    const routes = [
        {
            method: 'GET',
            pattern: /^\/_storage\/(?<token>[^/]+)\/(?<file>[^/]+)$/,
            protocol: 'signed',
            body: 'text',
            target: 'hub:weights',
            auth: false,
            answersFile: true,
            prepare: async (x) => prepareStorage(x),
        },
        {
            method: 'GET',
            pattern: /^\/_assets\/(?<release>[^/]+)\/(?<file>[^/]+)$/,
            protocol: 'signed',
            body: 'text',
            target: 'hub:asset',
            auth: false,
            prepare: async (x) => prepareAsset(x),
        },
    ];
    return { routes, addCase, clear: () => store.clear() };
}

;// CONCATENATED MODULE: external "node:stream/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream/promises");
// EXTERNAL MODULE: ./node_modules/busboy/lib/index.js
var lib = __nccwpck_require__(680);
;// CONCATENATED MODULE: ./build/emulator/multipart.js



/** All parts of the body, in order. Rejects on a malformed body or when the client goes away. */
async function readMultipart(req) {
    const parts = [];
    const hashing = [];
    const parser = lib({ headers: req.headers, preservePath: true });
    parser.on('field', (name, value) => parts.push({ kind: 'field', name, value }));
    parser.on('file', (name, stream, info) => {
        const part = { kind: 'file', name, filename: info.filename ?? '', bytes: 0, sha256: '' };
        parts.push(part);
        const hashed = hashStream(stream).then((h) => Object.assign(part, h));
        hashed.catch(() => undefined); // awaited below; a failure here also fails the parse
        hashing.push(hashed);
    });
    const parsed = new Promise((resolve, reject) => {
        parser.on('close', resolve);
        parser.on('error', reject);
    });
    await Promise.all([(0,promises_namespaceObject.pipeline)(req, parser), parsed]);
    await Promise.all(hashing);
    return parts;
}

;// CONCATENATED MODULE: ./build/emulator/hub.js
/**
 * The HUB side of the emulator (HUB-API.md): key check, models, metrics, checkpoint uploads and
 * heartbeats, each checked against the bytes the Python reference client puts on the wire.
 */






const hub_DOC = 'HUB-API.md';
const ID = '(?<id>[^/]+)';
const MODEL_ID = /^[A-Za-z0-9]{20}$/;
const HUB_KEY = /^[A-Za-z0-9]{42}$/;
const OK = { success: true };
function defaultModelData() {
    return {
        status: 'new',
        name: 'yolo11n',
        has_last_weights: false,
        has_best_weights: false,
        is_pretrained: false,
        cfg: 'yolo11n.yaml',
        data: 'coco8.yaml',
        weights: '',
        resume: '',
        train_args: {},
        batch_size: 16,
        epochs: 100,
        imgsz: 640,
        patience: 100,
        device: '',
        cache: 'ram',
    };
}
function createHub(state, opts = {}) {
    const models = () => state.hub.models;
    const keyAccepted = (key) => (opts.keys ? opts.keys.includes(key) : HUB_KEY.test(key));
    function authorize(x) {
        const key = header(x.req, 'x-api-key');
        const bearer = /^Bearer\s+(\S+)$/i.exec(header(x.req, 'authorization') ?? '')?.[1];
        if (key === undefined && bearer === undefined) {
            x.flag(`no x-api-key header; ${hub_DOC} sends the key on every request`);
        }
        if (key !== undefined ? keyAccepted(key) : bearer !== undefined)
            return { key: key ?? bearer };
        return { answer: hubError(401, 'Invalid API key') };
    }
    function newModel(id, data, created, createBody) {
        const model = { id, data, created, metrics: {}, metricsRequests: 0, uploads: [], heartbeats: [], agentId: randomId() };
        if (createBody !== undefined)
            model.createBody = createBody;
        models()[id] = model;
        return model;
    }
    function addModel(data = {}) {
        const id = randomId();
        newModel(id, { ...defaultModelData(), ...data }, false);
        return id;
    }
    /** The model named in the path, or the 404 answer (a malformed id is also a protocol error). */
    function findModel(x) {
        const id = x.params.id;
        if (!MODEL_ID.test(id))
            x.flag(`model id '${id}' is not 20 letters and digits as ${hub_DOC} describes`);
        return models()[id] ?? hubError(404, `Model ${id} not found`);
    }
    /** The parsed JSON body, or the 400 answer. Also checks the content type. */
    function jsonBody(x) {
        if (!hasMediaType(header(x.req, 'content-type'), 'application/json')) {
            x.flag(`content-type is ${describe(header(x.req, 'content-type'))}; ${hub_DOC} sends JSON as application/json`);
        }
        const parsed = parseJson(x.text, hub_DOC);
        if (parsed.ok)
            return { value: parsed.value };
        x.flag(parsed.problem);
        return hubError(400, 'Invalid JSON body');
    }
    const routes = [
        {
            method: 'POST',
            pattern: /^\/v1\/auth$/,
            protocol: 'hub',
            body: 'text',
            target: 'hub:auth',
            auth: false,
            prepare: async (x) => {
                if (x.text !== '')
                    x.flag(`the body is not empty; ${hub_DOC} sends none (content-length 0)`);
                else if (header(x.req, 'content-length') !== '0') {
                    x.flag(`no content-length: 0 header on the empty body; ${hub_DOC} sends one`);
                }
                const auth = authorize(x);
                return {
                    apply: () => {
                        state.hub.authChecks++;
                        return 'answer' in auth ? auth.answer : json(200, OK);
                    },
                };
            },
        },
        {
            method: 'GET',
            pattern: new RegExp(`^/v1/models/${ID}$`),
            protocol: 'hub',
            body: 'text',
            target: 'hub:get-model',
            prepare: async (x) => {
                const model = findModel(x);
                if ('status' in model)
                    return { answer: model };
                return { answer: json(200, { data: { id: model.id, ...model.data } }) };
            },
        },
        {
            method: 'POST',
            pattern: /^\/v1\/models$/,
            protocol: 'hub',
            body: 'text',
            target: 'hub:create',
            prepare: async (x) => prepareCreate(x),
        },
        {
            method: 'POST',
            pattern: new RegExp(`^/v1/models/${ID}$`),
            protocol: 'hub',
            body: 'text',
            target: 'hub:metrics',
            prepare: async (x) => prepareMetrics(x),
        },
        {
            method: 'GET',
            pattern: new RegExp(`^/v1/models/${ID}/metrics$`),
            protocol: 'hub',
            body: 'text',
            target: 'hub:get-metrics',
            prepare: async (x) => {
                const model = findModel(x);
                if ('status' in model)
                    return { answer: model };
                const epochs = Object.keys(model.metrics).map(Number).sort((a, b) => a - b);
                return { answer: json(200, { data: epochs.map((epoch) => ({ epoch, metrics: model.metrics[epoch] })) }) };
            },
        },
        {
            method: 'POST',
            pattern: new RegExp(`^/v1/models/${ID}/upload$`),
            protocol: 'hub',
            body: 'stream',
            target: 'hub:upload',
            prepare: async (x) => prepareUpload(x),
        },
        {
            method: 'POST',
            pattern: new RegExp(`^/v1/agent/heartbeat/models/${ID}$`),
            protocol: 'hub',
            body: 'text',
            target: 'hub:heartbeat',
            prepare: async (x) => prepareHeartbeat(x),
        },
    ];
    function prepareCreate(x) {
        const body = jsonBody(x);
        if ('status' in body)
            return { answer: body };
        if (!isObject(body.value)) {
            x.flag(`the body is ${describe(body.value)}; ${hub_DOC} sends an object {config, dataset, lineage, meta}`);
            return { answer: hubError(400, 'Invalid model body') };
        }
        const b = body.value;
        checkCreateBody(x, b);
        return {
            apply: () => {
                const id = randomId();
                newModel(id, dataFromCreateBody(b), true, b);
                return json(200, { data: { id } });
            },
        };
    }
    function prepareMetrics(x) {
        const model = findModel(x);
        const body = jsonBody(x);
        if ('status' in body)
            return { answer: body };
        if ('status' in model)
            return { answer: model };
        const b = body.value;
        if (!isObject(b) || !isObject(b.metrics)) {
            x.flag(`the body has no metrics object; ${hub_DOC} sends {"metrics": {"<epoch>": "<JSON text>"}, "type": "metrics"}`);
            return { answer: hubError(400, 'Invalid metrics body') };
        }
        if (b.type !== 'metrics')
            x.flag(`field type is ${describe(b.type)}; ${hub_DOC} sends 'metrics'`);
        const extra = Object.keys(b).filter((k) => k !== 'metrics' && k !== 'type');
        if (extra.length)
            x.flag(`unexpected field(s) ${extra.join(', ')}; ${hub_DOC} sends only metrics and type`);
        const epochs = checkMetrics(x, b.metrics);
        const foreign = foreignMetricKeys(epochs);
        if (foreign) {
            x.flag(`metrics carry ${foreign}; ${hub_DOC}: the trainer's on_fit_epoch_end sends train/*, metrics/* and val/* only (no learning rates, epoch or time)`);
            return { answer: hubError(400, `Unexpected metric keys: ${foreign}`) };
        }
        return {
            apply: () => {
                Object.assign(model.metrics, epochs);
                model.metricsRequests++;
                if (model.data.status === 'new')
                    model.data.status = 'training';
                return json(200, OK);
            },
        };
    }
    async function prepareUpload(x) {
        if (header(x.req, 'content-length') === undefined) {
            x.flag(`no content-length header; ${hub_DOC} sends checkpoints with one, never chunked`);
        }
        if (/chunked/i.test(header(x.req, 'transfer-encoding') ?? '')) {
            x.flag(`the body is sent with transfer-encoding: chunked; ${hub_DOC} sends a content-length instead`);
        }
        const model = findModel(x);
        if (!hasMediaType(header(x.req, 'content-type'), 'multipart/form-data')) {
            x.flag(`content-type is ${describe(header(x.req, 'content-type'))}; ${hub_DOC} uploads multipart/form-data`);
            await drain(x.req);
            return { answer: hubError(400, 'Expected multipart/form-data') };
        }
        let parts;
        try {
            parts = await readMultipart(x.req);
        }
        catch (e) {
            if (x.clientGone())
                throw e;
            x.flag(`the multipart body could not be parsed (${e.message})`);
            return { answer: hubError(400, 'Malformed multipart body') };
        }
        if ('status' in model)
            return { answer: model };
        const upload = checkUploadParts(x, parts);
        if (!upload)
            return { answer: hubError(400, 'Invalid checkpoint upload') };
        return {
            apply: () => {
                model.uploads.push(upload);
                const d = model.data;
                if (upload.type === 'final') {
                    Object.assign(d, { status: 'trained', has_best_weights: true, weights: `gs://emulator-hub/${model.id}/best.pt` });
                }
                else {
                    Object.assign(d, { has_last_weights: true, resume: `gs://emulator-hub/${model.id}/last.pt` });
                    if (upload.isBest)
                        Object.assign(d, { has_best_weights: true, weights: `gs://emulator-hub/${model.id}/best.pt` });
                    if (d.status === 'new')
                        d.status = 'training';
                }
                return json(200, OK);
            },
        };
    }
    function prepareHeartbeat(x) {
        const model = findModel(x);
        const body = jsonBody(x);
        if ('status' in body)
            return { answer: body };
        if ('status' in model)
            return { answer: model };
        const b = body.value;
        if (!isObject(b) || typeof b.agent !== 'string') {
            x.flag(`field agent is ${describe(isObject(b) ? b.agent : b)}; ${hub_DOC} sends {"agent": "<name>", "agentId": <id or null>}`);
            return { answer: hubError(400, 'Invalid heartbeat body') };
        }
        const agentId = b.agentId;
        if (agentId !== null && typeof agentId !== 'string') {
            x.flag(`field agentId is ${describe(agentId)}; ${hub_DOC} sends a string or null`);
        }
        else if (typeof agentId === 'string' && agentId !== model.agentId) {
            x.flag(`agentId '${agentId}' is not the one the last heartbeat answer returned ('${model.agentId}')`);
        }
        const agent = b.agent;
        return {
            apply: () => {
                model.heartbeats.push({ agent, agentId: typeof agentId === 'string' ? agentId : null });
                return json(200, { data: { agentId: model.agentId } });
            },
        };
    }
    const weights = createHubWeights(state, addModel, opts.origin ?? (() => 'http://127.0.0.1'));
    routes.push(...weights.routes);
    return { routes, authorize, addModel, addCase: weights.addCase, clear: weights.clear };
}
const CREATE_KEYS = ['config', 'dataset', 'lineage', 'meta'];
const CONFIG_TYPES = {
    batchSize: 'number',
    epochs: 'number',
    imageSize: 'number',
    patience: 'number',
    device: 'string',
    cache: 'string',
};
function checkCreateBody(x, b) {
    const extra = Object.keys(b).filter((k) => !CREATE_KEYS.includes(k));
    if (extra.length)
        x.flag(`unexpected field(s) ${extra.join(', ')}; ${hub_DOC} sends config, dataset, lineage, meta`);
    const config = isObject(b.config) ? b.config : {};
    if (!isObject(b.config))
        x.flag(`config is ${describe(b.config)}; ${hub_DOC} sends an object`);
    for (const [key, type] of Object.entries(CONFIG_TYPES)) {
        if (typeof config[key] !== type)
            x.flag(`config.${key} is ${describe(config[key])}; ${hub_DOC} sends a ${type}`);
    }
    const extraConfig = Object.keys(config).filter((k) => !(k in CONFIG_TYPES));
    if (extraConfig.length)
        x.flag(`unexpected config field(s) ${extraConfig.join(', ')}`);
    const at = (path) => path.reduce((v, k) => (isObject(v) ? v[k] : undefined), b);
    for (const path of [['dataset', 'name'], ['lineage', 'architecture', 'name'], ['meta', 'name']]) {
        const v = at(path);
        if (typeof v !== 'string' || v === '')
            x.flag(`${path.join('.')} is ${describe(v)}; ${hub_DOC} sends a non-empty string`);
    }
    const parent = at(['lineage', 'parent']);
    const parentKeys = isObject(parent) ? Object.keys(parent).join() : undefined;
    const parentOk = parentKeys === '' || (parentKeys === 'name' && typeof parent.name === 'string');
    if (!parentOk)
        x.flag(`lineage.parent is ${describe(parent)}; ${hub_DOC} sends {} or {"name": "<weights>"}`);
    for (const [path, v] of strings(b)) {
        if (isLocalPath(v))
            x.flag(`${path} is the local path '${v}'; send the file name only, a path on this machine means nothing to HUB`);
    }
}
/** Every string value in a JSON value, with its dotted path. */
function strings(v, path = '') {
    if (typeof v === 'string')
        return [[path, v]];
    if (Array.isArray(v))
        return v.flatMap((item, i) => strings(item, `${path}[${i}]`));
    if (isObject(v))
        return Object.entries(v).flatMap(([k, item]) => strings(item, path ? `${path}.${k}` : k));
    return [];
}
function dataFromCreateBody(b) {
    const get = (o, ...path) => path.reduce((v, k) => (isObject(v) ? v[k] : undefined), o);
    const str = (v, fallback) => (typeof v === 'string' ? v : fallback);
    const num = (v, fallback) => (typeof v === 'number' ? v : fallback);
    const d = defaultModelData();
    const config = isObject(b.config) ? b.config : {};
    return {
        ...d,
        name: str(get(b, 'meta', 'name'), d.name),
        cfg: str(get(b, 'lineage', 'architecture', 'name'), d.cfg),
        data: str(get(b, 'dataset', 'name'), d.data),
        is_pretrained: typeof get(b, 'lineage', 'parent', 'name') === 'string',
        train_args: { ...config },
        batch_size: num(config.batchSize, d.batch_size),
        epochs: num(config.epochs, d.epochs),
        imgsz: num(config.imageSize, d.imgsz),
        patience: num(config.patience, d.patience),
        device: str(config.device, d.device),
        cache: str(config.cache, d.cache),
    };
}
/** Checks `{"<epoch>": "<JSON text>"}` and returns the epochs parsed (leniently, for the state). */
function checkMetrics(x, metrics) {
    const out = {};
    for (const [epoch, value] of Object.entries(metrics)) {
        if (!/^(0|[1-9]\d*)$/.test(epoch))
            x.flag(`metrics key '${epoch}' is not a 0-based epoch number; ${hub_DOC} keys metrics by epoch`);
        let inner = value;
        if (typeof value === 'string') {
            const parsed = parseJson(value, hub_DOC);
            if (!parsed.ok) {
                x.flag(`epoch ${epoch}: ${parsed.problem.replace('the body', 'the metrics text')}`);
                continue;
            }
            inner = parsed.value;
        }
        else {
            x.flag(`epoch ${epoch}'s value is ${describe(value)}; ${hub_DOC} sends a string holding JSON text (JSON inside JSON)`);
        }
        if (!isObject(inner)) {
            x.flag(`epoch ${epoch}'s metrics text holds ${describe(inner)}; ${hub_DOC} sends a JSON object`);
            continue;
        }
        const bad = badEntries(inner, isNumOrNull);
        if (bad)
            x.flag(`epoch ${epoch}: metrics ${bad} are not numbers or null`);
        out[epoch] = inner;
    }
    return out;
}
/** Keys the real client never sends in an epoch's metrics: learning rates, `epoch`, `time`. Described, or undefined. */
function foreignMetricKeys(epochs) {
    const bad = new Set();
    for (const values of Object.values(epochs)) {
        for (const k of Object.keys(values))
            if (/^(lr\/|x\/lr)/.test(k) || k === 'epoch' || k === 'time')
                bad.add(k);
    }
    return bad.size ? [...bad].slice(0, 5).join(', ') + (bad.size > 5 ? ` and ${bad.size - 5} more` : '') : undefined;
}
const PART_ORDER = { epoch: ['epoch', 'type', 'isBest', '<file>'], final: ['epoch', 'type', 'map', '<file>'] };
const FILE_NAME = { epoch: 'last.pt', final: 'best.pt' };
/** Checks the upload's parts and returns the upload to record, or undefined when it cannot be. */
function checkUploadParts(x, parts) {
    const fields = new Map();
    for (const p of parts)
        if (p.kind === 'field')
            fields.set(p.name, p.value);
    const files = parts.filter((p) => p.kind === 'file');
    const type = fields.get('type');
    if (type !== 'epoch' && type !== 'final') {
        x.flag(`field type is ${describe(type)}; ${hub_DOC} sends 'epoch' or 'final'`);
        return undefined;
    }
    if (files.length !== 1) {
        x.flag(`${files.length} file parts; ${hub_DOC} sends exactly one`);
        if (files.length === 0)
            return undefined;
    }
    const order = parts.map((p) => (p.kind === 'file' ? '<file>' : p.name));
    if (order.join() !== PART_ORDER[type].join()) {
        x.flag(`parts arrive as ${order.join(', ')}; ${hub_DOC} sends ${PART_ORDER[type].join(', ')} for type ${type}`);
    }
    const epochText = fields.get('epoch');
    if (!/^(0|[1-9]\d*)$/.test(epochText ?? ''))
        x.flag(`field epoch is ${describe(epochText)}; ${hub_DOC} sends an integer`);
    const file = files[0];
    if (file.name !== file.filename) {
        x.flag(`the file part is named '${file.name}' with filename '${file.filename}'; ${hub_DOC} names the part after its filename`);
    }
    if (file.filename !== FILE_NAME[type]) {
        x.flag(`a ${type} upload carries '${file.filename}'; ${hub_DOC} sends ${FILE_NAME[type]} for type ${type}`);
    }
    const { name: field, filename, bytes, sha256 } = file;
    const upload = { type, epoch: Number(epochText), field, filename, bytes, sha256 };
    if (type === 'epoch') {
        const isBest = fields.get('isBest');
        if (isBest !== 'True' && isBest !== 'False')
            x.flag(`field isBest is ${describe(isBest)}; ${hub_DOC} spells it True or False`);
        upload.isBest = isBest?.toLowerCase() === 'true';
    }
    else {
        const map = fields.get('map');
        if (!/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(map ?? ''))
            x.flag(`field map is ${describe(map)}; ${hub_DOC} sends mAP50-95 as a decimal`);
        upload.map = Number(map);
    }
    return upload;
}

;// CONCATENATED MODULE: ./build/emulator/control.js






const CONTROL_PREFIX = '/_emulator/';
const control_OK = { ok: true };
function createControl(deps) {
    const actions = {
        'GET state': () => json(200, deps.state),
        'GET faults': () => json(200, deps.faults.pending()),
        'POST faults': (body) => {
            const rule = parseFault(body);
            deps.faults.add(rule.target, rule.fault, { times: rule.times, after: rule.after });
            return json(200, control_OK);
        },
        'POST reset': () => {
            deps.reset();
            return json(200, control_OK);
        },
        'POST hub/models': (body) => json(200, { id: deps.hub.addModel(modelData(body ?? {})) }),
        'POST hub/cases': (body) => {
            if (!isObject(body) || typeof body.case !== 'string')
                throw new Error(`the body must be {"case": "${HUB_CASES.join('|')}", "bytes"?: <int>, "data"?: {…}}`);
            if (body.bytes !== undefined && !isCount(body.bytes))
                throw new Error('bytes must be an integer >= 0');
            const data = body.data === undefined ? undefined : modelData(body.data);
            return json(200, deps.hub.addCase(body.case, { bytes: body.bytes, data }));
        },
        'POST platform/slugs': (body) => {
            if (!isObject(body) || typeof body.project !== 'string' || typeof body.slug !== 'string') {
                throw new Error('the body must be {"project": "<project>", "slug": "<slug>"}');
            }
            deps.platform.takeSlug(body.project, body.slug);
            return json(200, control_OK);
        },
        'POST platform/cancel': (body) => {
            if (!isObject(body) || typeof body.modelId !== 'string' || !isCount(body.epochs)) {
                throw new Error('the body must be {"modelId": "<id or *>", "epochs": <int >= 0>}');
            }
            deps.platform.cancelAfter(body.modelId, body.epochs);
            return json(200, control_OK);
        },
    };
    return async (req, res) => {
        const path = new URL(req.url ?? '/', 'http://emulator.invalid').pathname.slice(CONTROL_PREFIX.length);
        const action = actions[`${req.method} ${path}`];
        const { text } = await readText(req);
        if (!action) {
            send(res, platformError(404, `no control endpoint ${req.method} ${CONTROL_PREFIX}${path}`));
            return;
        }
        try {
            send(res, action(text === '' ? undefined : JSON.parse(text)));
        }
        catch (e) {
            send(res, platformError(400, e.message));
        }
    };
}
const MODEL_KEYS = Object.keys(defaultModelData());
function modelData(body) {
    if (!isObject(body))
        throw new Error('the body must be an object of HUB model data fields');
    const unknown = Object.keys(body).filter((k) => !MODEL_KEYS.includes(k));
    if (unknown.length)
        throw new Error(`unknown model data field(s) ${unknown.join(', ')}; known: ${MODEL_KEYS.join(', ')}`);
    return body;
}

;// CONCATENATED MODULE: ./build/emulator/dispatch.js



const DOCS = 'HUB-API.md or PLATFORM-API.md';
function createDispatcher(deps) {
    const routes = [...deps.hub.routes, ...deps.platform.routes];
    function match(method, path) {
        let wrongMethod = false;
        for (const route of routes) {
            const m = route.pattern.exec(path);
            if (!m)
                continue;
            if (route.method === method)
                return { route, params: { ...m.groups } };
            wrongMethod = true;
        }
        return wrongMethod ? { wrongMethod } : undefined;
    }
    return (req, res) => new Handling(deps, req, res).run(match);
}
/** One request on its way through the pipeline. */
class Handling {
    deps;
    req;
    res;
    entry;
    at;
    x;
    fired;
    constructor(deps, req, res) {
        this.deps = deps;
        this.req = req;
        this.res = res;
        const url = new URL(req.url ?? '/', 'http://emulator.invalid');
        this.entry = { method: req.method ?? 'GET', path: url.pathname, status: 0, target: 'unknown' };
        deps.state.requests.push(this.entry);
        this.at = deps.state.requests.length - 1;
        this.x = {
            req,
            params: {},
            query: url.searchParams,
            text: '',
            flag: (problem) => this.flag(problem),
            clientGone: () => !clientThere(res) || req.destroyed,
            now: deps.now,
        };
    }
    async run(match) {
        const { entry, x } = this;
        try {
            const found = match(entry.method, entry.path);
            if (!found || 'wrongMethod' in found)
                return await this.refuseUnknown(found !== undefined);
            const { route, params } = found;
            x.params = params;
            let bodyRead = false;
            if (typeof route.target === 'function') {
                if (!(await this.readBody()))
                    return this.finish(errorFor(route.protocol, 413, 'Body too large'));
                bodyRead = true;
                entry.target = route.target(x.text);
            }
            else {
                entry.target = route.target;
            }
            const fault = this.takeFault();
            if (fault && (await this.failBeforeAction(fault, route, bodyRead)))
                return;
            if (route.body === 'text' && !bodyRead && !(await this.readBody())) {
                return this.finish(errorFor(route.protocol, 413, 'Body too large'));
            }
            const admitted = this.admit(route);
            if ('answer' in admitted) {
                await drain(this.req);
                return this.finish(admitted.answer);
            }
            const plan = await route.prepare(x);
            if (fault && 'delayMs' in fault && !(await this.stall(fault.delayMs, 'apply' in plan)))
                return this.done();
            const answer = 'apply' in plan ? plan.apply() : plan.answer;
            if (fault && 'reset' in fault) {
                // A file answer breaks off half-way; any other: acted, the answer is lost (after-action).
                if (fault.reset === 'mid-body')
                    return this.finish({ ...answer, cutAfter: Math.floor(bodyLength(answer) / 2) });
                return this.destroy();
            }
            if (fault && 'html' in fault)
                return this.finish({ status: 200, raw: HTML_PAGE, contentType: 'text/html; charset=utf-8' });
            this.finish({ ...answer, headers: { ...admitted.headers, ...answer.headers } });
        }
        catch (e) {
            if (x.clientGone())
                return this.done();
            this.flag(`emulator: internal error (${e.stack ?? e}); this is a bug in the emulator, not in the client`);
            this.finish(errorFor(protocolOf(entry.path), 500, 'Emulator internal error'));
        }
    }
    flag(problem) {
        const { entry } = this;
        const where = entry.target === 'unknown' ? `${entry.method} ${entry.path}` : entry.target;
        const line = `${where}: ${problem}`;
        this.deps.state.protocolErrors.push(line);
        this.deps.log(`protocol error: ${line}`);
    }
    done() {
        const { method, path, status, target, fault } = this.entry;
        this.deps.log(`${method} ${path} -> ${status || 'no answer'} [${target}]${fault ? ` fault=${fault}` : ''}`);
    }
    finish(answer) {
        if (send(this.res, answer))
            this.entry.status = answer.status;
        this.done();
    }
    destroy() {
        this.req.socket.destroy();
        this.done();
    }
    async refuseUnknown(wrongMethod) {
        this.flag(wrongMethod ? `no such method on this path in ${DOCS}` : `no such endpoint in ${DOCS}`);
        await drain(this.req);
        const protocol = protocolOf(this.entry.path);
        this.finish(wrongMethod ? errorFor(protocol, 405, 'Method not allowed') : errorFor(protocol, 404, 'Not found'));
    }
    /** Buffers a text body into the exchange; false (with a protocol error) when it is too large. */
    async readBody() {
        const { text, tooLarge } = await readText(this.req);
        if (tooLarge)
            this.flag('the JSON body is larger than the emulator accepts (64 MiB); send it in smaller batches');
        this.x.text = text;
        return !tooLarge;
    }
    takeFault() {
        const { entry, deps } = this;
        const fault = deps.faults.take(entry.target);
        if (!fault)
            return undefined;
        entry.fault = kindOf(fault);
        this.fired = { target: entry.target, kind: entry.fault, at: this.at };
        deps.state.faultsFired.push(this.fired);
        deps.log(`fault ${entry.fault} fires on ${entry.method} ${entry.path} [${entry.target}]`);
        return fault;
    }
    /** Carries out the faults that stop a request before it is acted on; true when that ended it. */
    async failBeforeAction(fault, route, bodyRead) {
        if ('reset' in fault && fault.reset !== 'after-action' && !(fault.reset === 'mid-body' && route.answersFile)) {
            if (fault.reset === 'mid-body' && !bodyRead)
                await firstChunk(this.req);
            this.destroy();
            return true;
        }
        if ('down' in fault) {
            this.done();
            this.deps.goDown(fault.down.ms);
            return true;
        }
        if ('status' in fault) {
            await drain(this.req);
            this.finish(faultAnswer(route.protocol, fault));
            return true;
        }
        return false;
    }
    /** The key check and (Platform) the rate limit: the rate headers to send, or the refusal. */
    admit(route) {
        if (route.auth === false)
            return { headers: {} };
        const { hub, platform, now } = this.deps;
        const auth = (route.protocol === 'hub' ? hub : platform).authorize(this.x);
        if ('answer' in auth)
            return auth;
        if (!route.rate)
            return { headers: {} };
        const throttled = platform.throttle(auth.key, route.rate, now());
        return throttled.answer ? { answer: throttled.answer } : { headers: throttled.headers };
    }
    /** The delay fault: true when the client is still there to be answered (recorded as applied). */
    async stall(ms, acts) {
        const stillThere = await stall(this.res, ms);
        if (this.fired)
            this.fired.applied = stillThere && acts;
        return stillThere;
    }
}
const bodyLength = (answer) => answer.raw !== undefined ? Buffer.byteLength(answer.raw) : Buffer.byteLength(JSON.stringify(answer.json ?? ''));
const protocolOf = (path) => (path.startsWith('/v1/') ? 'hub' : 'platform');
const errorFor = (protocol, status, message) => protocol === 'hub' ? hubError(status, message) : platformError(status, message);
function faultAnswer(protocol, fault) {
    const headers = {};
    if (fault.retryAfter !== undefined)
        headers['Retry-After'] = String(fault.retryAfter);
    if (fault.body === undefined)
        return { ...errorFor(protocol, fault.status, `Injected fault: HTTP ${fault.status}`), headers };
    return { status: fault.status, raw: fault.body, contentType: isJson(fault.body) ? 'application/json' : 'text/plain; charset=utf-8', headers };
}
function isJson(text) {
    try {
        JSON.parse(text);
        return true;
    }
    catch {
        return false;
    }
}

;// CONCATENATED MODULE: ./build/emulator/platform-events.js
/**
 * Checks of the `data` of each Platform training event (W1) against PLATFORM-API.md. Each checker
 * only reports deviations through `flag`; it never changes state and never refuses the event (the
 * server is lenient the way the real one is: it acts on what it can read).
 */

const platform_events_DOC = 'PLATFORM-API.md';
const EVENTS = [
    'training_started',
    'epoch_end',
    'console_output',
    'checkpoint_saved',
    'training_complete',
    'training_failed',
];
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
function checkSlugs(flag, project, name) {
    const slash = project.indexOf('/');
    const owner = slash >= 0 ? project.slice(0, slash) : undefined;
    const projectSlug = slash >= 0 ? project.slice(slash + 1) : project;
    if (owner !== undefined && !/^[^/\s]+$/.test(owner))
        flag(`project owner '${owner}' is empty or has spaces`);
    if (!SLUG.test(projectSlug) || projectSlug.length > 128) {
        flag(`project '${project}' is not slug-shaped; ${platform_events_DOC} sends slugify(project) (or owner/slug)`);
    }
    if (!SLUG.test(name) || name.length > 128)
        flag(`name '${name}' is not slug-shaped; ${platform_events_DOC} sends slugify(name)`);
}
function checkStarted(flag, data) {
    if (!isObject(data.trainArgs)) {
        flag(`data.trainArgs is ${describe(data.trainArgs)}; ${platform_events_DOC} sends an object of every training argument`);
    }
    else {
        const bad = badEntries(data.trainArgs, (v) => typeof v === 'string');
        if (bad)
            flag(`data.trainArgs values must be strings as Python's str() spells them ("True", "16", "None"); got ${bad}`);
    }
    if (!isCount(data.epochs))
        flag(`data.epochs is ${describe(data.epochs)}; ${platform_events_DOC} sends an int`);
    if (typeof data.device !== 'string')
        flag(`data.device is ${describe(data.device)}; ${platform_events_DOC} sends a string such as "cpu"`);
    if (!isObject(data.environment))
        flag(`data.environment is ${describe(data.environment)}; ${platform_events_DOC} sends an object`);
}
function checkEpoch(flag, data) {
    if (!isCount(data.epoch))
        flag(`data.epoch is ${describe(data.epoch)}; ${platform_events_DOC} sends a 0-based int`);
    if (!isObject(data.metrics)) {
        flag(`data.metrics is ${describe(data.metrics)}; ${platform_events_DOC} sends an object`);
    }
    else {
        const bad = badEntries(data.metrics, isNumOrNull);
        if (bad)
            flag(`data.metrics ${bad} are not numbers or null`);
        if (!('lr' in data.metrics))
            flag(`data.metrics has no lr; ${platform_events_DOC} sends the first param group's learning rate as lr`);
    }
    for (const key of ['fitness', 'best_fitness']) {
        if (!(key in data))
            flag(`data.${key} is missing; ${platform_events_DOC} sends it (a number or null)`);
        else if (!isNumOrNull(data[key]))
            flag(`data.${key} is ${describe(data[key])}; ${platform_events_DOC} sends a number or null`);
    }
    if ('bestFitness' in data)
        flag(`data.bestFitness is camelCase; ${platform_events_DOC} spells it best_fitness`);
    if (!isObject(data.system))
        flag(`data.system is ${describe(data.system)}; ${platform_events_DOC} sends an object ({} when unknown)`);
    if ('modelInfo' in data) {
        if (data.epoch !== 0)
            flag(`data.modelInfo is sent on epoch ${describe(data.epoch)}; ${platform_events_DOC} sends it on epoch 0 only`);
        const info = data.modelInfo;
        const known = ['parameters', 'gflops', 'speedMs'];
        if (!isObject(info) || badEntries(info, isNumOrNull) || Object.keys(info).some((k) => !known.includes(k))) {
            flag(`data.modelInfo is ${describe(info)}; ${platform_events_DOC} sends {parameters, gflops, speedMs} numbers`);
        }
    }
}
function checkConsole(flag, data, run) {
    const { chunkId, content, lineCount } = data;
    if (!isCount(chunkId) || chunkId < 1) {
        flag(`data.chunkId is ${describe(chunkId)}; ${platform_events_DOC} starts chunkId at 1`);
    }
    else if (chunkId !== run.lastChunkId + 1 && chunkId !== run.lastChunkId) {
        flag(`chunkId ${chunkId} follows chunkId ${run.lastChunkId}; ${platform_events_DOC}: chunkId starts at 1 and rises by one per chunk`);
    }
    if (typeof content !== 'string')
        flag(`data.content is ${describe(content)}; ${platform_events_DOC} sends the lines joined by \\n`);
    if (!isCount(lineCount)) {
        flag(`data.lineCount is ${describe(lineCount)}; ${platform_events_DOC} sends an int`);
    }
    else if (typeof content === 'string' && content !== '' && content.split('\n').length !== lineCount) {
        flag(`data.lineCount is ${lineCount} but content holds ${content.split('\n').length} lines`);
    }
}
/** The upload a gcsPath names, if this run was given it and its PUT completed; flags otherwise. */
function uploadedAt(flag, path, run, field) {
    const upload = typeof path === 'string' ? run.uploads.get(path) : undefined;
    if (!upload) {
        flag(`${field} is ${describe(path)}, not a gcsPath W2 gave this model`);
        return undefined;
    }
    if (!upload.put)
        flag(`${field} names ${upload.gcsPath} but no PUT to its signed URL completed; send W3 first`);
    return upload;
}
function checkRunId(flag, data, run) {
    if (data.runId !== run.runId)
        flag(`data.runId is ${describe(data.runId)}; training_started answered runId '${run.runId}'`);
}
function checkCheckpoint(flag, data, run) {
    const upload = uploadedAt(flag, data.modelPath, run, 'data.modelPath');
    checkRunId(flag, data, run);
    if (!('uploadPath' in data))
        flag(`data.uploadPath is missing; ${platform_events_DOC} sends the W2 uploadPath or null`);
    else if (data.uploadPath !== null && data.uploadPath !== upload?.uploadPath) {
        flag(`data.uploadPath is ${describe(data.uploadPath)}; W2 answered uploadPath ${describe(upload?.uploadPath)}`);
    }
}
function checkComplete(flag, data, run) {
    checkRunId(flag, data, run);
    const results = data.results;
    if (!isObject(results)) {
        flag(`data.results is ${describe(results)}; ${platform_events_DOC} sends {metrics, bestEpoch, bestFitness, …}`);
    }
    else {
        checkResults(flag, results, run);
    }
    const names = data.classNames;
    if (names !== null && !(Array.isArray(names) && names.every((n) => typeof n === 'string'))) {
        flag(`data.classNames is ${describe(names)}; ${platform_events_DOC} sends a list of names or null`);
    }
    if (!Array.isArray(data.plots))
        flag(`data.plots is ${describe(data.plots)}; ${platform_events_DOC} sends a list ([] when none)`);
}
function checkResults(flag, results, run) {
    if (!isObject(results.metrics)) {
        flag(`data.results.metrics is ${describe(results.metrics)}; ${platform_events_DOC} sends an object`);
    }
    else {
        const bad = badEntries(results.metrics, isNumOrNull);
        if (bad)
            flag(`data.results.metrics ${bad} are not numbers or null`);
        if (!('fitness' in results.metrics))
            flag(`data.results.metrics has no fitness; ${platform_events_DOC} adds it to the best epoch's metrics`);
        const losses = Object.keys(results.metrics).filter((k) => !k.startsWith('metrics/') && k !== 'fitness');
        if (losses.length)
            flag(`data.results.metrics has ${losses.slice(0, 5).join(', ')}; ${platform_events_DOC} sends the best epoch's metrics/* and fitness only (no val/*)`);
    }
    if (!isCount(results.bestEpoch))
        flag(`data.results.bestEpoch is ${describe(results.bestEpoch)}; ${platform_events_DOC} sends a 0-based int`);
    if (!('bestFitness' in results) || !isNumOrNull(results.bestFitness)) {
        flag(`data.results.bestFitness is ${describe(results.bestFitness)}; ${platform_events_DOC} sends a number`);
    }
    const hasPath = 'modelPath' in results;
    if (hasPath !== 'modelSize' in results) {
        flag(`data.results has ${hasPath ? 'modelPath without modelSize' : 'modelSize without modelPath'}; ${platform_events_DOC} sends both or neither`);
    }
    if (!hasPath)
        return;
    const upload = uploadedAt(flag, results.modelPath, run, 'data.results.modelPath');
    if (upload?.put && results.modelSize !== upload.put.bytes) {
        flag(`data.results.modelSize is ${describe(results.modelSize)} but the PUT to ${upload.gcsPath} carried ${upload.put.bytes} bytes`);
    }
}
function checkFailed(flag, data, run) {
    checkRunId(flag, data, run);
    for (const key of ['error', 'code']) {
        if (typeof data[key] !== 'string')
            flag(`data.${key} is ${describe(data[key])}; ${platform_events_DOC} sends a string`);
    }
}

;// CONCATENATED MODULE: ./build/emulator/rate-limit.js
/**
 * Platform's per-key sliding-window rate limit. A request is counted only when it is let through;
 * the reset time is when the oldest counted request leaves the window.
 */
class SlidingWindow {
    rule;
    hits = new Map();
    constructor(rule) {
        this.rule = rule;
    }
    /** The verdict for one more request now, without counting it. */
    check(key, now) {
        const inWindow = this.prune(key, now);
        const { limit, windowMs } = this.rule;
        return {
            allowed: inWindow.length < limit,
            limit,
            remaining: Math.max(0, limit - inWindow.length),
            resetAt: (inWindow[0] ?? now) + windowMs,
        };
    }
    /** Counts a request and returns the verdict after it. */
    record(key, now) {
        const inWindow = this.prune(key, now);
        inWindow.push(now);
        this.hits.set(key, inWindow);
        const { limit, windowMs } = this.rule;
        return { allowed: true, limit, remaining: Math.max(0, limit - inWindow.length), resetAt: inWindow[0] + windowMs };
    }
    clear() {
        this.hits.clear();
    }
    prune(key, now) {
        const inWindow = (this.hits.get(key) ?? []).filter((t) => t > now - this.rule.windowMs);
        this.hits.set(key, inWindow);
        return inWindow;
    }
}
function rateHeaders(v) {
    return {
        'X-RateLimit-Limit': String(v.limit),
        'X-RateLimit-Remaining': String(v.remaining),
        'X-RateLimit-Reset': new Date(v.resetAt).toISOString(),
    };
}
/** Whole seconds until the verdict's reset, rounded up, at least 1. */
const retryAfterSeconds = (v, now) => Math.max(1, Math.ceil((v.resetAt - now) / 1000));

;// CONCATENATED MODULE: ./build/emulator/platform.js
/**
 * The Platform side of the emulator (PLATFORM-API.md): the training webhook (W1), signed upload
 * URLs (W2), the signed PUT they point at (W3, served here too), the key check and the per-key
 * sliding-window rate limit.
 */







const platform_DOC = 'PLATFORM-API.md';
const PLATFORM_KEY = /^ul_[0-9a-f]{40}$/;
const SIGNED_URL_LIFETIME_MS = 15 * 60 * 1000;
const platform_OK = { success: true };
function createPlatform(state, opts) {
    const secret = randomHex(32);
    const takenSlugs = new Map();
    const cancelRules = new Map();
    const signed = new Map();
    const books = new Map();
    const windows = { default: new SlidingWindow(opts.rateLimit), upload: new SlidingWindow(opts.uploadRateLimit) };
    const runs = () => state.platform.runs;
    function authorize(x) {
        const auth = header(x.req, 'authorization');
        const key = /^Bearer (\S+)$/.exec(auth ?? '')?.[1];
        if (auth === undefined)
            x.flag(`no Authorization header; ${platform_DOC} sends Authorization: Bearer <key> on every request`);
        else if (key === undefined)
            x.flag(`Authorization is not 'Bearer <key>'; ${platform_DOC} sends Authorization: Bearer <key>`);
        if (key !== undefined && (opts.keys ? opts.keys.includes(key) : PLATFORM_KEY.test(key)))
            return { key };
        return { answer: platformError(401, 'Invalid API key') };
    }
    function throttle(key, categories, now) {
        const refused = categories.map((c) => windows[c].check(key, now)).find((v) => !v.allowed);
        if (refused) {
            state.platform.rateLimited++;
            const retryAfter = retryAfterSeconds(refused, now);
            const headers = { ...rateHeaders(refused), 'Retry-After': String(retryAfter) };
            const resetAt = new Date(refused.resetAt).toISOString();
            return { headers, answer: json(429, { error: 'Rate limit exceeded', retryAfter, resetAt }, headers) };
        }
        const verdicts = categories.map((c) => windows[c].record(key, now));
        const tightest = verdicts.reduce((a, b) => (b.remaining < a.remaining ? b : a));
        return { headers: rateHeaders(tightest) };
    }
    function takeSlug(project, slug) {
        const taken = takenSlugs.get(project) ?? new Set();
        taken.add(slug);
        takenSlugs.set(project, taken);
    }
    function freeSlug(project, name) {
        const taken = takenSlugs.get(project) ?? new Set();
        let slug = name;
        for (let n = 2; taken.has(slug); n++)
            slug = `${name}-${n}`;
        takeSlug(project, slug);
        return slug;
    }
    /** Whether the run is cancelled now, by a rule for its model or for every model. */
    function cancelledAt(modelId, epochsDone) {
        const rule = cancelRules.get(modelId) ?? cancelRules.get('*');
        return rule !== undefined && epochsDone >= rule;
    }
    function clear() {
        takenSlugs.clear();
        cancelRules.clear();
        signed.clear();
        books.clear();
        windows.default.clear();
        windows.upload.clear();
    }
    /** The parsed JSON object body, or the 400 answer. */
    function jsonBody(x) {
        if (!hasMediaType(header(x.req, 'content-type'), 'application/json')) {
            x.flag(`content-type is ${describe(header(x.req, 'content-type'))}; ${platform_DOC} sends JSON as application/json`);
        }
        const parsed = parseJson(x.text, platform_DOC);
        if (!parsed.ok) {
            x.flag(parsed.problem);
            return platformError(400, 'Invalid JSON body');
        }
        if (!isObject(parsed.value)) {
            x.flag(`the body is ${describe(parsed.value)}; ${platform_DOC} sends a JSON object`);
            return platformError(400, 'Body must be a JSON object');
        }
        return { value: parsed.value };
    }
    /** The run a later event or W2 names by modelId, or the 400/404 answer. */
    function findRun(x, body, what) {
        const id = body.modelId;
        if (typeof id !== 'string') {
            x.flag(`${what} has modelId ${describe(id)}; ${platform_DOC} sends the modelId training_started answered`);
            return platformError(400, 'modelId is required');
        }
        const run = runs()[id];
        const book = books.get(id);
        return run && book ? { run, book } : platformError(404, `Model ${id} not found`);
    }
    function prepareEvent(x) {
        const parsed = jsonBody(x);
        if ('status' in parsed)
            return { answer: parsed };
        const body = parsed.value;
        const { event, data } = body;
        if (!EVENTS.includes(event)) {
            x.flag(`event is ${describe(event)}; ${platform_DOC} knows ${EVENTS.join(', ')}`);
            return { answer: platformError(400, 'Unknown event') };
        }
        if (!isObject(data)) {
            x.flag(`data is ${describe(data)}; ${platform_DOC} sends an object`);
            return { answer: platformError(400, 'data must be an object') };
        }
        const extra = Object.keys(body).filter((k) => !['event', 'data', 'modelId', 'project', 'name'].includes(k));
        if (extra.length)
            x.flag(`unexpected field(s) ${extra.join(', ')}; ${platform_DOC} sends event, data and modelId (project, name first)`);
        if (event === 'training_started' && body.modelId === undefined)
            return prepareRegistration(x, body, data);
        if (event !== 'training_started' && ('project' in body || 'name' in body)) {
            x.flag(`${event} carries project/name; ${platform_DOC} sends those on the first event only`);
        }
        const found = findRun(x, body, `event ${event}`);
        if ('status' in found)
            return { answer: found };
        const { run, book } = found;
        const flag = x.flag;
        if (book.finishedBy && event !== book.finishedBy && event !== 'training_started') {
            flag(`${event} arrives after ${book.finishedBy}; ${platform_DOC} ends a run with that event`);
        }
        switch (event) {
            case 'training_started':
                checkStarted(flag, data);
                // A server that continues a model by its id may still need the project and name, which 8.4
                // clients send in every body: this one refuses a continuation without them.
                if (typeof body.project !== 'string' || typeof body.name !== 'string') {
                    flag(`training_started for modelId ${run.modelId} has project ${describe(body.project)} and name ${describe(body.name)}; ${platform_DOC}: 8.4 clients send both beside modelId`);
                    return { answer: platformError(400, 'project and name are required') };
                }
                return { apply: () => restart(run, book, data) };
            case 'epoch_end':
                checkEpoch(flag, data);
                if (run.cancelled)
                    flag(`epoch_end after an answer said cancelled: true; ${platform_DOC}: stop sending epochs`);
                return { apply: () => endEpoch(run, data) };
            case 'console_output':
                checkConsole(flag, data, book);
                return { apply: () => addConsole(run, book, data) };
            case 'checkpoint_saved':
                checkCheckpoint(flag, data, book);
                return { apply: () => record(run, 'checkpoint_saved', () => run.checkpoints.push(data)) };
            case 'training_complete':
                checkComplete(flag, data, book);
                return { apply: () => finish(run, book, 'training_complete', () => (run.complete = data)) };
            case 'training_failed':
                checkFailed(flag, data, book);
                return { apply: () => finish(run, book, 'training_failed', () => (run.failed = data)) };
        }
    }
    function prepareRegistration(x, body, data) {
        const { project, name } = body;
        if (typeof project !== 'string' || typeof name !== 'string') {
            x.flag(`training_started without modelId has project ${describe(project)} and name ${describe(name)}; ${platform_DOC} sends both slugs`);
            return { answer: platformError(400, 'project and name are required') };
        }
        checkSlugs(x.flag, project, name);
        checkStarted(x.flag, data);
        return {
            apply: () => {
                const modelId = randomId();
                const runId = randomId();
                const modelSlug = freeSlug(project, name);
                const cancelled = cancelledAt(modelId, 0);
                runs()[modelId] = {
                    modelId, runId, project, name, modelSlug,
                    started: data, epochs: {}, epochEvents: 0, console: [], uploadUrls: 0, puts: [], checkpoints: [],
                    events: ['training_started'], cancelled,
                };
                books.set(modelId, { runId, uploads: new Map(), lastChunkId: 0, bestRequested: false });
                state.platform.registrations++;
                return json(200, { modelId, runId, modelSlug, cancelled });
            },
        };
    }
    /** training_started for a known modelId: a new run of the same model. */
    function restart(run, book, data) {
        run.runId = book.runId = randomId();
        run.started = data;
        run.events.push('training_started');
        Object.assign(book, { lastChunkId: 0, finishedBy: undefined, bestRequested: false });
        run.cancelled = cancelledAt(run.modelId, 0);
        state.platform.registrations++;
        return json(200, { modelId: run.modelId, runId: run.runId, modelSlug: run.modelSlug, cancelled: run.cancelled });
    }
    function endEpoch(run, data) {
        run.epochs[String(data.epoch)] = data;
        run.epochEvents++;
        run.events.push('epoch_end');
        if (cancelledAt(run.modelId, Object.keys(run.epochs).length))
            run.cancelled = true;
        return json(200, { cancelled: run.cancelled });
    }
    function addConsole(run, book, data) {
        const chunk = { chunkId: Number(data.chunkId), content: String(data.content), lineCount: Number(data.lineCount) };
        const at = run.console.findIndex((c) => c.chunkId === chunk.chunkId);
        if (at >= 0)
            run.console[at] = chunk;
        else
            run.console.push(chunk);
        book.lastChunkId = chunk.chunkId;
        run.events.push('console_output');
        return json(200, platform_OK);
    }
    function record(run, event, act) {
        act();
        run.events.push(event);
        return json(200, platform_OK);
    }
    function finish(run, book, event, act) {
        book.finishedBy = event;
        return record(run, event, act);
    }
    function prepareUploadUrl(x) {
        const parsed = jsonBody(x);
        if ('status' in parsed)
            return { answer: parsed };
        const body = parsed.value;
        const { filename, runId } = body;
        if (typeof filename !== 'string' || filename === '') {
            x.flag(`filename is ${describe(filename)}; ${platform_DOC} sends e.g. "best.pt"`);
            return { answer: platformError(400, 'filename is required') };
        }
        if (filename !== 'best.pt' && filename !== 'last.pt')
            x.flag(`filename is '${filename}'; ${platform_DOC} uploads best.pt (or last.pt)`);
        const found = findRun(x, body, 'W2');
        if ('status' in found)
            return { answer: found };
        const { run, book } = found;
        if (runId !== book.runId)
            x.flag(`runId is ${describe(runId)}; training_started answered runId '${book.runId}'`);
        if (filename === 'last.pt' && book.bestRequested) {
            x.flag(`W2 asks for last.pt after best.pt; ${platform_DOC}: never upload last.pt after best.pt`);
        }
        return {
            apply: () => {
                const upload = issueSignedUpload(run.modelId, book.runId, filename, x.now());
                book.uploads.set(upload.gcsPath, upload);
                if (filename === 'best.pt')
                    book.bestRequested = true;
                run.uploadUrls++;
                return json(200, { uploadUrl: signedUrl(upload), gcsPath: upload.gcsPath, uploadPath: upload.uploadPath });
            },
        };
    }
    function issueSignedUpload(modelId, runId, filename, now) {
        const token = randomHex(16);
        const expiresAt = now + SIGNED_URL_LIFETIME_MS;
        const signature = (0,external_node_crypto_namespaceObject.createHmac)('sha256', secret).update(`${token}\n${expiresAt}`).digest('hex');
        const upload = {
            token, signature, modelId, runId, filename, expiresAt,
            gcsPath: `gs://emulator-models/${modelId}/${token}/${filename}`,
            uploadPath: `models/${modelId}/${filename}`,
        };
        signed.set(token, upload);
        return upload;
    }
    function signedUrl(u) {
        const issued = new Date(u.expiresAt - SIGNED_URL_LIFETIME_MS);
        const date = issued.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
        const query = new URLSearchParams({
            'X-Goog-Algorithm': 'GOOG4-RSA-SHA256',
            'X-Goog-Credential': `emulator-signer/${date.slice(0, 8)}/auto/storage/goog4_request`,
            'X-Goog-Date': date,
            'X-Goog-Expires': String(SIGNED_URL_LIFETIME_MS / 1000),
            'X-Goog-SignedHeaders': 'content-type;host',
            'X-Goog-Signature': u.signature,
        });
        return `${opts.origin()}/_signed/${u.token}?${query}`;
    }
    async function preparePut(x) {
        const arrived = x.now();
        const contentType = header(x.req, 'content-type');
        if (header(x.req, 'content-length') === undefined)
            x.flag(`no Content-Length header; ${platform_DOC} sends the PUT with one, never chunked`);
        if (/chunked/i.test(header(x.req, 'transfer-encoding') ?? '')) {
            x.flag(`the PUT is sent with Transfer-Encoding: chunked; ${platform_DOC} sends a Content-Length instead`);
        }
        if (contentType !== 'application/octet-stream') {
            x.flag(`Content-Type is ${describe(contentType)}; ${platform_DOC} sends application/octet-stream`);
        }
        if (header(x.req, 'authorization') !== undefined) {
            x.flag(`the signed PUT carries an Authorization header; ${platform_DOC}: never send the key to the signed upload URL`);
        }
        const body = await hashStream(x.req);
        const upload = signed.get(x.params.token);
        if (!upload)
            return { answer: platformError(403, 'No such signed upload') };
        if (x.query.get('X-Goog-Signature') !== upload.signature) {
            x.flag(`the signed URL's X-Goog-Signature was changed; send the uploadUrl exactly as W2 returned it`);
            return { answer: platformError(403, 'Signature does not match') };
        }
        if (arrived > upload.expiresAt)
            return { answer: platformError(403, 'Signed URL expired') };
        return {
            apply: () => {
                upload.put = body;
                runs()[upload.modelId]?.puts.push({ ...body, contentType: contentType ?? '' });
                return { status: 200, raw: '' };
            },
        };
    }
    const eventTarget = (text) => {
        const parsed = parseJson(text, platform_DOC);
        const event = parsed.ok && isObject(parsed.value) ? parsed.value.event : /"event"\s*:\s*"(\w+)"/.exec(text)?.[1];
        return EVENTS.includes(event) ? `platform:${event}` : 'platform:webhook';
    };
    const routes = [
        {
            method: 'POST',
            pattern: /^\/api\/webhooks\/training\/metrics$/,
            protocol: 'platform',
            body: 'text',
            target: eventTarget,
            rate: ['default'],
            prepare: async (x) => prepareEvent(x),
        },
        {
            method: 'POST',
            pattern: /^\/api\/webhooks\/models\/upload$/,
            protocol: 'platform',
            body: 'text',
            target: 'platform:upload-url',
            rate: ['default', 'upload'],
            prepare: async (x) => prepareUploadUrl(x),
        },
        {
            method: 'PUT',
            pattern: /^\/_signed\/(?<token>[^/]+)$/,
            protocol: 'signed',
            body: 'stream',
            target: 'platform:put',
            auth: false,
            prepare: preparePut,
        },
    ];
    return {
        routes,
        authorize,
        throttle,
        takeSlug,
        cancelAfter: (modelId, epochs) => void cancelRules.set(modelId, epochs),
        clear,
    };
}

;// CONCATENATED MODULE: ./build/emulator/state.js
function createState() {
    return {
        requests: [],
        protocolErrors: [],
        faultsFired: [],
        hub: { models: {}, authChecks: 0, downloads: [] },
        platform: { runs: {}, registrations: 0, rateLimited: 0 },
    };
}
/** Empties the state in place: references to its arrays and records stay valid. */
function clearState(state) {
    state.requests.length = 0;
    state.protocolErrors.length = 0;
    state.faultsFired.length = 0;
    for (const id of Object.keys(state.hub.models))
        delete state.hub.models[id];
    state.hub.authChecks = 0;
    state.hub.downloads.length = 0;
    for (const id of Object.keys(state.platform.runs))
        delete state.platform.runs[id];
    state.platform.registrations = 0;
    state.platform.rateLimited = 0;
}

;// CONCATENATED MODULE: ./build/emulator/server.js
/**
 * The emulator: one real HTTP server on 127.0.0.1 that speaks HUB (/v1/…) and Platform (/api/…
 * plus the signed-upload PUT it serves itself), keeps inspectable state, injects faults and flags
 * every deviation from HUB-API.md and PLATFORM-API.md as a protocol error.
 */









const HOST = '127.0.0.1';
async function startEmulator(opts = {}) {
    const state = createState();
    const faults = new Faults();
    const log = opts.log ?? (() => undefined);
    let url = '';
    const hub = createHub(state, { keys: opts.hubKeys, origin: () => url });
    const platform = createPlatform(state, {
        keys: opts.platformKeys,
        rateLimit: opts.rateLimit ?? { limit: 100, windowMs: 60_000 },
        uploadRateLimit: opts.uploadRateLimit ?? { limit: 10, windowMs: 60_000 },
        origin: () => url,
    });
    const reset = () => {
        clearState(state);
        faults.clear();
        platform.clear();
        hub.clear();
    };
    const server = (0,external_node_http_namespaceObject.createServer)();
    const link = new Link(server, log);
    const dispatch = createDispatcher({ state, faults, hub, platform, now: opts.now ?? Date.now, log, goDown: (ms) => link.down(ms) });
    const control = createControl({ state, faults, hub, platform, reset });
    server.requestTimeout = 0; // big uploads may take long; the client owns its timeouts
    server.keepAliveTimeout = 60_000; // like real front ends: an idle keep-alive socket is not closed under the client
    server.on('request', (req, res) => void (req.url?.startsWith(CONTROL_PREFIX) ? control(req, res) : dispatch(req, res)));
    const port = await link.listen(opts.port ?? 0);
    url = `http://${HOST}:${port}`;
    return {
        url,
        state,
        faults,
        hub: { addModel: hub.addModel, addCase: hub.addCase },
        platform: { takeSlug: platform.takeSlug, cancelAfter: platform.cancelAfter },
        reset,
        close: () => link.close(),
    };
}
/** Owns the listening socket: listen, go down for a while (the `down` fault), close for good. */
class Link {
    server;
    log;
    port = 0;
    upTimer;
    closed = false;
    constructor(server, log) {
        this.server = server;
        this.log = log;
    }
    listen(port) {
        return new Promise((resolve, reject) => {
            this.server.once('error', reject);
            this.server.listen(port, HOST, () => {
                this.server.off('error', reject);
                this.port = this.server.address().port;
                resolve(this.port);
            });
        });
    }
    /** Refuses connections for `ms` (dropping the open ones), then listens again on the same port. */
    down(ms) {
        this.server.closeAllConnections();
        if (!this.server.listening)
            return; // already down
        this.server.close();
        this.log(`down for ${ms} ms`);
        this.upTimer = setTimeout(() => {
            this.upTimer = undefined;
            if (this.closed)
                return;
            this.listen(this.port).then(() => this.log(`up again on port ${this.port}`), (e) => this.log(`could not listen again on port ${this.port}: ${e.message}`));
        }, ms);
    }
    close() {
        this.closed = true;
        clearTimeout(this.upTimer);
        this.server.closeAllConnections();
        if (!this.server.listening)
            return Promise.resolve();
        return new Promise((resolve) => this.server.close(() => resolve()));
    }
}

;// CONCATENATED MODULE: ./build/emulator/main.js
/**
 * `npm run emulator`: runs the emulator until SIGINT/SIGTERM. Prints the URL and the environment
 * lines that point the action or the CLI at it (KEY=value, ready for `>> "$GITHUB_ENV"`), then one
 * line per request unless --quiet.
 */


const USAGE = 'usage: emulator [--port N] [--quiet]   (port 0 or none: a free port)';
async function main() {
    const { values } = (0,external_node_util_namespaceObject.parseArgs)({ options: { port: { type: 'string' }, quiet: { type: 'boolean' }, help: { type: 'boolean' } } });
    if (values.help) {
        console.log(USAGE);
        return;
    }
    const port = Number(values.port ?? 0);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new Error(`--port ${values.port} is not a port number; ${USAGE}`);
    const emulator = await startEmulator({ port, log: values.quiet ? undefined : (line) => console.log(line) });
    console.log(`ultralytics emulator listening on ${emulator.url}`);
    console.log(`ULTRALYTICS_PLATFORM_URL=${emulator.url}`);
    console.log(`ULTRALYTICS_HUB_API=${emulator.url}`);
    const stop = () => void emulator.close().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
}
main().catch((e) => {
    console.error(`emulator: ${e.message}`);
    process.exit(2);
});

