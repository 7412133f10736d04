/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "../protobuf-runtime.ts";

// Common aliases
const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError, $TypeError = $util.global.TypeError, $Number = $util.global.Number, $String = $util.global.String, $parseInt = $util.global.parseInt, $BigInt = $util.global.BigInt, $isFinite = $util.global.isFinite, $Array = $util.global.Array, $Boolean = $util.global.Boolean;

// Exported root namespace
const $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

export const vmha = $root.vmha = (() => {

    /**
     * Namespace vmha.
     * @exports vmha
     * @namespace
     */
    const vmha = {};

    vmha.v1 = (function() {

        /**
         * Namespace v1.
         * @memberof vmha
         * @namespace
         */
        const v1 = {};

        v1.HealthRequest = (function() {

            /**
             * Properties of a HealthRequest.
             * @typedef {Object} vmha.v1.HealthRequest.$Properties
             * @property {number|null} [protocolVersion] HealthRequest protocolVersion
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a HealthRequest.
             * @memberof vmha.v1
             * @interface IHealthRequest
             * @augments vmha.v1.HealthRequest.$Properties
             * @deprecated Use vmha.v1.HealthRequest.$Properties instead.
             */

            /**
             * Shape of a HealthRequest.
             * @typedef {vmha.v1.HealthRequest.$Properties} vmha.v1.HealthRequest.$Shape
             */

            /**
             * Constructs a new HealthRequest.
             * @memberof vmha.v1
             * @classdesc Represents a HealthRequest.
             * @constructor
             * @param {vmha.v1.HealthRequest.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const HealthRequest = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * HealthRequest protocolVersion.
             * @member {number} protocolVersion
             * @memberof vmha.v1.HealthRequest
             * @instance
             */
            HealthRequest.prototype.protocolVersion = 0;

            /**
             * Creates a new HealthRequest instance using the specified properties.
             * @function create
             * @memberof vmha.v1.HealthRequest
             * @static
             * @param {vmha.v1.HealthRequest.$Properties=} [properties] Properties to set
             * @returns {vmha.v1.HealthRequest} HealthRequest instance
             * @type {{
             *   (properties: vmha.v1.HealthRequest.$Shape): vmha.v1.HealthRequest & vmha.v1.HealthRequest.$Shape;
             *   (properties?: vmha.v1.HealthRequest.$Properties): vmha.v1.HealthRequest;
             * }}
             */
            HealthRequest.create = function(properties) {
                return new HealthRequest(properties);
            };

            /**
             * Encodes the specified HealthRequest message. Does not implicitly {@link vmha.v1.HealthRequest.verify|verify} messages.
             * @function encode
             * @memberof vmha.v1.HealthRequest
             * @static
             * @param {vmha.v1.HealthRequest.$Properties} message HealthRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            HealthRequest.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.protocolVersion != null && $Object.hasOwnProperty.call(message, "protocolVersion") && message.protocolVersion !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.protocolVersion);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a HealthRequest message from the specified reader or buffer.
             * @function decode
             * @memberof vmha.v1.HealthRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {vmha.v1.HealthRequest & vmha.v1.HealthRequest.$Shape} HealthRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            HealthRequest.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.vmha.v1.HealthRequest();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.protocolVersion = value;
                            else
                                delete message.protocolVersion;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Verifies a HealthRequest message.
             * @function verify
             * @memberof vmha.v1.HealthRequest
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            HealthRequest.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.protocolVersion != null && $Object.hasOwnProperty.call(message, "protocolVersion"))
                    if (!$util.isInteger(message.protocolVersion))
                        return "protocolVersion: integer expected";
                return null;
            };

            /**
             * Creates a HealthRequest message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof vmha.v1.HealthRequest
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {vmha.v1.HealthRequest} HealthRequest
             */
            HealthRequest.fromObject = function (object, _depth) {
                if (object instanceof $root.vmha.v1.HealthRequest)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".vmha.v1.HealthRequest: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.vmha.v1.HealthRequest();
                if (object.protocolVersion != null)
                    if ($Number(object.protocolVersion) !== 0)
                        message.protocolVersion = object.protocolVersion >>> 0;
                return message;
            };

            /**
             * Creates a plain object from a HealthRequest message. Also converts values to other types if specified.
             * @function toObject
             * @memberof vmha.v1.HealthRequest
             * @static
             * @param {vmha.v1.HealthRequest} message HealthRequest
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            HealthRequest.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults)
                    object.protocolVersion = 0;
                if (message.protocolVersion != null && $Object.hasOwnProperty.call(message, "protocolVersion"))
                    object.protocolVersion = message.protocolVersion;
                return object;
            };

            /**
             * Converts this HealthRequest to JSON.
             * @function toJSON
             * @memberof vmha.v1.HealthRequest
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            HealthRequest.prototype.toJSON = function() {
                return HealthRequest.toObject(this, $protobuf.util.toJSONOptions);
            };

            return HealthRequest;
        })();

        v1.HealthReply = (function() {

            /**
             * Properties of a HealthReply.
             * @typedef {Object} vmha.v1.HealthReply.$Properties
             * @property {number|null} [protocolVersion] HealthReply protocolVersion
             * @property {string|null} [service] HealthReply service
             * @property {string|null} [instance] HealthReply instance
             * @property {string|null} [status] HealthReply status
             * @property {number|null} [uptimeMs] HealthReply uptimeMs
             * @property {Object.<string,number>|null} [counters] HealthReply counters
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a HealthReply.
             * @memberof vmha.v1
             * @interface IHealthReply
             * @augments vmha.v1.HealthReply.$Properties
             * @deprecated Use vmha.v1.HealthReply.$Properties instead.
             */

            /**
             * Shape of a HealthReply.
             * @typedef {vmha.v1.HealthReply.$Properties} vmha.v1.HealthReply.$Shape
             */

            /**
             * Constructs a new HealthReply.
             * @memberof vmha.v1
             * @classdesc Represents a HealthReply.
             * @constructor
             * @param {vmha.v1.HealthReply.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const HealthReply = function (properties) {
                this.counters = {};
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * HealthReply protocolVersion.
             * @member {number} protocolVersion
             * @memberof vmha.v1.HealthReply
             * @instance
             */
            HealthReply.prototype.protocolVersion = 0;

            /**
             * HealthReply service.
             * @member {string} service
             * @memberof vmha.v1.HealthReply
             * @instance
             */
            HealthReply.prototype.service = "";

            /**
             * HealthReply instance.
             * @member {string} instance
             * @memberof vmha.v1.HealthReply
             * @instance
             */
            HealthReply.prototype.instance = "";

            /**
             * HealthReply status.
             * @member {string} status
             * @memberof vmha.v1.HealthReply
             * @instance
             */
            HealthReply.prototype.status = "";

            /**
             * HealthReply uptimeMs.
             * @member {number} uptimeMs
             * @memberof vmha.v1.HealthReply
             * @instance
             */
            HealthReply.prototype.uptimeMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * HealthReply counters.
             * @member {Object.<string,number>} counters
             * @memberof vmha.v1.HealthReply
             * @instance
             */
            HealthReply.prototype.counters = $util.emptyObject;

            /**
             * Creates a new HealthReply instance using the specified properties.
             * @function create
             * @memberof vmha.v1.HealthReply
             * @static
             * @param {vmha.v1.HealthReply.$Properties=} [properties] Properties to set
             * @returns {vmha.v1.HealthReply} HealthReply instance
             * @type {{
             *   (properties: vmha.v1.HealthReply.$Shape): vmha.v1.HealthReply & vmha.v1.HealthReply.$Shape;
             *   (properties?: vmha.v1.HealthReply.$Properties): vmha.v1.HealthReply;
             * }}
             */
            HealthReply.create = function(properties) {
                return new HealthReply(properties);
            };

            /**
             * Encodes the specified HealthReply message. Does not implicitly {@link vmha.v1.HealthReply.verify|verify} messages.
             * @function encode
             * @memberof vmha.v1.HealthReply
             * @static
             * @param {vmha.v1.HealthReply.$Properties} message HealthReply message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            HealthReply.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.protocolVersion != null && $Object.hasOwnProperty.call(message, "protocolVersion") && message.protocolVersion !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.protocolVersion);
                if (message.service != null && $Object.hasOwnProperty.call(message, "service") && message.service !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.service);
                if (message.instance != null && $Object.hasOwnProperty.call(message, "instance") && message.instance !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.instance);
                if (message.status != null && $Object.hasOwnProperty.call(message, "status") && message.status !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.status);
                if (message.uptimeMs != null && $Object.hasOwnProperty.call(message, "uptimeMs") && (typeof message.uptimeMs === "object" ? message.uptimeMs.low || message.uptimeMs.high : message.uptimeMs !== 0))
                    writer.uint32(/* id 5, wireType 0 =*/40).uint64(message.uptimeMs);
                if (message.counters != null && $Object.hasOwnProperty.call(message, "counters"))
                    for (let keys = $Object.keys(message.counters), i = 0; i < keys.length; ++i)
                        writer.uint32(/* id 6, wireType 2 =*/50).fork().uint32(/* id 1, wireType 2 =*/10).string(keys[i]).uint32(/* id 2, wireType 1 =*/17).double(message.counters[keys[i]]).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a HealthReply message from the specified reader or buffer.
             * @function decode
             * @memberof vmha.v1.HealthReply
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {vmha.v1.HealthReply & vmha.v1.HealthReply.$Shape} HealthReply
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            HealthReply.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, key, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.vmha.v1.HealthReply();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.protocolVersion = value;
                            else
                                delete message.protocolVersion;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.service = value;
                            else
                                delete message.service;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.instance = value;
                            else
                                delete message.instance;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.status = value;
                            else
                                delete message.status;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.uptimeMs = value;
                            else
                                delete message.uptimeMs;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            if (message.counters === $util.emptyObject)
                                message.counters = {};
                            let end2 = reader.size() + reader.pos;
                            if (end2 > reader.len)
                                throw $RangeError("index out of range");
                            reader.len = end2;
                            key = "";
                            value = 0;
                            while (reader.pos < end2) {
                                let tag2 = reader.tag();
                                wireType = tag2 & 7;
                                switch (tag2 >>>= 3) {
                                case 1:
                                    if (wireType !== 2)
                                        break;
                                    key = reader.stringVerify();
                                    continue;
                                case 2:
                                    if (wireType !== 1)
                                        break;
                                    value = reader.double();
                                    continue;
                                }
                                reader.skipType(wireType, _depth, tag2);
                            }
                            if (reader.pos !== end2)
                                throw $RangeError("index out of range");
                            reader.len = end;
                            if (key === "__proto__")
                                $util.makeProp(message.counters, key);
                            message.counters[key] = value;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Verifies a HealthReply message.
             * @function verify
             * @memberof vmha.v1.HealthReply
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            HealthReply.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.protocolVersion != null && $Object.hasOwnProperty.call(message, "protocolVersion"))
                    if (!$util.isInteger(message.protocolVersion))
                        return "protocolVersion: integer expected";
                if (message.service != null && $Object.hasOwnProperty.call(message, "service"))
                    if (!$util.isString(message.service))
                        return "service: string expected";
                if (message.instance != null && $Object.hasOwnProperty.call(message, "instance"))
                    if (!$util.isString(message.instance))
                        return "instance: string expected";
                if (message.status != null && $Object.hasOwnProperty.call(message, "status"))
                    if (!$util.isString(message.status))
                        return "status: string expected";
                if (message.uptimeMs != null && $Object.hasOwnProperty.call(message, "uptimeMs"))
                    if (!$util.isInteger(message.uptimeMs) && !(message.uptimeMs && $util.isInteger(message.uptimeMs.low) && $util.isInteger(message.uptimeMs.high)))
                        return "uptimeMs: integer|Long expected";
                if (message.counters != null && $Object.hasOwnProperty.call(message, "counters")) {
                    if (!$util.isObject(message.counters))
                        return "counters: object expected";
                    let key = $Object.keys(message.counters);
                    for (let i = 0; i < key.length; ++i)
                        if (typeof message.counters[key[i]] !== "number")
                            return "counters: number{k:string} expected";
                }
                return null;
            };

            /**
             * Creates a HealthReply message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof vmha.v1.HealthReply
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {vmha.v1.HealthReply} HealthReply
             */
            HealthReply.fromObject = function (object, _depth) {
                if (object instanceof $root.vmha.v1.HealthReply)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".vmha.v1.HealthReply: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.vmha.v1.HealthReply();
                if (object.protocolVersion != null)
                    if ($Number(object.protocolVersion) !== 0)
                        message.protocolVersion = object.protocolVersion >>> 0;
                if (object.service != null)
                    if (typeof object.service !== "string" || object.service.length)
                        message.service = $String(object.service);
                if (object.instance != null)
                    if (typeof object.instance !== "string" || object.instance.length)
                        message.instance = $String(object.instance);
                if (object.status != null)
                    if (typeof object.status !== "string" || object.status.length)
                        message.status = $String(object.status);
                if (object.uptimeMs != null)
                    if (typeof object.uptimeMs === "object" ? object.uptimeMs.low || object.uptimeMs.high : $Number(object.uptimeMs) !== 0)
                        if ($util.Long)
                            message.uptimeMs = $util.Long.fromValue(object.uptimeMs, true);
                        else if (typeof object.uptimeMs === "string")
                            message.uptimeMs = $parseInt(object.uptimeMs, 10);
                        else if (typeof object.uptimeMs === "number")
                            message.uptimeMs = object.uptimeMs;
                        else if (typeof object.uptimeMs === "object")
                            message.uptimeMs = new $util.LongBits(object.uptimeMs.low >>> 0, object.uptimeMs.high >>> 0).toNumber(true);
                if (object.counters) {
                    if (!$util.isObject(object.counters))
                        throw $TypeError(".vmha.v1.HealthReply.counters: object expected");
                    message.counters = {};
                    for (let keys = $Object.keys(object.counters), i = 0; i < keys.length; ++i) {
                        if (keys[i] === "__proto__")
                            $util.makeProp(message.counters, keys[i]);
                        message.counters[keys[i]] = $Number(object.counters[keys[i]]);
                    }
                }
                return message;
            };

            /**
             * Creates a plain object from a HealthReply message. Also converts values to other types if specified.
             * @function toObject
             * @memberof vmha.v1.HealthReply
             * @static
             * @param {vmha.v1.HealthReply} message HealthReply
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            HealthReply.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.objects || options.defaults)
                    object.counters = {};
                if (options.defaults) {
                    object.protocolVersion = 0;
                    object.service = "";
                    object.instance = "";
                    object.status = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.uptimeMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.uptimeMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (message.protocolVersion != null && $Object.hasOwnProperty.call(message, "protocolVersion"))
                    object.protocolVersion = message.protocolVersion;
                if (message.service != null && $Object.hasOwnProperty.call(message, "service"))
                    object.service = message.service;
                if (message.instance != null && $Object.hasOwnProperty.call(message, "instance"))
                    object.instance = message.instance;
                if (message.status != null && $Object.hasOwnProperty.call(message, "status"))
                    object.status = message.status;
                if (message.uptimeMs != null && $Object.hasOwnProperty.call(message, "uptimeMs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.uptimeMs = typeof message.uptimeMs === "number" ? $BigInt(message.uptimeMs) : $util.Long.fromBits(message.uptimeMs.low >>> 0, message.uptimeMs.high >>> 0, true).toBigInt();
                    else if (typeof message.uptimeMs === "number")
                        object.uptimeMs = options.longs === $String ? $String(message.uptimeMs) : message.uptimeMs;
                    else
                        object.uptimeMs = options.longs === $String ? $util.Long.prototype.toString.call(message.uptimeMs) : options.longs === $Number ? new $util.LongBits(message.uptimeMs.low >>> 0, message.uptimeMs.high >>> 0).toNumber(true) : message.uptimeMs;
                let keys2;
                if (message.counters && (keys2 = $Object.keys(message.counters)).length) {
                    object.counters = {};
                    for (let j = 0; j < keys2.length; ++j) {
                        if (keys2[j] === "__proto__")
                            $util.makeProp(object.counters, keys2[j]);
                        object.counters[keys2[j]] = options.json && !$isFinite(message.counters[keys2[j]]) ? $String(message.counters[keys2[j]]) : message.counters[keys2[j]];
                    }
                }
                return object;
            };

            /**
             * Converts this HealthReply to JSON.
             * @function toJSON
             * @memberof vmha.v1.HealthReply
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            HealthReply.prototype.toJSON = function() {
                return HealthReply.toObject(this, $protobuf.util.toJSONOptions);
            };

            return HealthReply;
        })();

        v1.IpPacket = (function() {

            /**
             * Properties of an IpPacket.
             * @typedef {Object} vmha.v1.IpPacket.$Properties
             * @property {number|null} [protocolVersion] IpPacket protocolVersion
             * @property {Array.<Uint8Array>|null} [datagrams] IpPacket datagrams
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an IpPacket.
             * @memberof vmha.v1
             * @interface IIpPacket
             * @augments vmha.v1.IpPacket.$Properties
             * @deprecated Use vmha.v1.IpPacket.$Properties instead.
             */

            /**
             * Shape of an IpPacket.
             * @typedef {vmha.v1.IpPacket.$Properties} vmha.v1.IpPacket.$Shape
             */

            /**
             * Constructs a new IpPacket.
             * @memberof vmha.v1
             * @classdesc Represents an IpPacket.
             * @constructor
             * @param {vmha.v1.IpPacket.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const IpPacket = function (properties) {
                this.datagrams = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * IpPacket protocolVersion.
             * @member {number} protocolVersion
             * @memberof vmha.v1.IpPacket
             * @instance
             */
            IpPacket.prototype.protocolVersion = 0;

            /**
             * IpPacket datagrams.
             * @member {Array.<Uint8Array>} datagrams
             * @memberof vmha.v1.IpPacket
             * @instance
             */
            IpPacket.prototype.datagrams = $util.emptyArray;

            /**
             * Creates a new IpPacket instance using the specified properties.
             * @function create
             * @memberof vmha.v1.IpPacket
             * @static
             * @param {vmha.v1.IpPacket.$Properties=} [properties] Properties to set
             * @returns {vmha.v1.IpPacket} IpPacket instance
             * @type {{
             *   (properties: vmha.v1.IpPacket.$Shape): vmha.v1.IpPacket & vmha.v1.IpPacket.$Shape;
             *   (properties?: vmha.v1.IpPacket.$Properties): vmha.v1.IpPacket;
             * }}
             */
            IpPacket.create = function(properties) {
                return new IpPacket(properties);
            };

            /**
             * Encodes the specified IpPacket message. Does not implicitly {@link vmha.v1.IpPacket.verify|verify} messages.
             * @function encode
             * @memberof vmha.v1.IpPacket
             * @static
             * @param {vmha.v1.IpPacket.$Properties} message IpPacket message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            IpPacket.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.protocolVersion != null && $Object.hasOwnProperty.call(message, "protocolVersion") && message.protocolVersion !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.protocolVersion);
                if (message.datagrams != null && message.datagrams.length)
                    for (let i = 0; i < message.datagrams.length; ++i)
                        writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.datagrams[i]);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes an IpPacket message from the specified reader or buffer.
             * @function decode
             * @memberof vmha.v1.IpPacket
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {vmha.v1.IpPacket & vmha.v1.IpPacket.$Shape} IpPacket
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            IpPacket.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.vmha.v1.IpPacket();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.protocolVersion = value;
                            else
                                delete message.protocolVersion;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if (!(message.datagrams && message.datagrams.length))
                                message.datagrams = [];
                            message.datagrams.push(reader.bytes());
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Verifies an IpPacket message.
             * @function verify
             * @memberof vmha.v1.IpPacket
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            IpPacket.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.protocolVersion != null && $Object.hasOwnProperty.call(message, "protocolVersion"))
                    if (!$util.isInteger(message.protocolVersion))
                        return "protocolVersion: integer expected";
                if (message.datagrams != null && $Object.hasOwnProperty.call(message, "datagrams")) {
                    if (!$Array.isArray(message.datagrams))
                        return "datagrams: array expected";
                    for (let i = 0; i < message.datagrams.length; ++i)
                        if (!(message.datagrams[i] && typeof message.datagrams[i].length === "number" || $util.isString(message.datagrams[i])))
                            return "datagrams: buffer[] expected";
                }
                return null;
            };

            /**
             * Creates an IpPacket message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof vmha.v1.IpPacket
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {vmha.v1.IpPacket} IpPacket
             */
            IpPacket.fromObject = function (object, _depth) {
                if (object instanceof $root.vmha.v1.IpPacket)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".vmha.v1.IpPacket: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.vmha.v1.IpPacket();
                if (object.protocolVersion != null)
                    if ($Number(object.protocolVersion) !== 0)
                        message.protocolVersion = object.protocolVersion >>> 0;
                if (object.datagrams) {
                    if (!$Array.isArray(object.datagrams))
                        throw $TypeError(".vmha.v1.IpPacket.datagrams: array expected");
                    message.datagrams = $Array(object.datagrams.length);
                    for (let i = 0; i < object.datagrams.length; ++i)
                        if (typeof object.datagrams[i] === "string")
                            $util.base64.decode(object.datagrams[i], message.datagrams[i] = $util.newBuffer($util.base64.length(object.datagrams[i])), 0);
                        else if (object.datagrams[i].length >= 0)
                            message.datagrams[i] = object.datagrams[i];
                }
                return message;
            };

            /**
             * Creates a plain object from an IpPacket message. Also converts values to other types if specified.
             * @function toObject
             * @memberof vmha.v1.IpPacket
             * @static
             * @param {vmha.v1.IpPacket} message IpPacket
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            IpPacket.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.datagrams = [];
                if (options.defaults)
                    object.protocolVersion = 0;
                if (message.protocolVersion != null && $Object.hasOwnProperty.call(message, "protocolVersion"))
                    object.protocolVersion = message.protocolVersion;
                if (message.datagrams && message.datagrams.length) {
                    object.datagrams = $Array(message.datagrams.length);
                    for (let j = 0; j < message.datagrams.length; ++j)
                        object.datagrams[j] = options.bytes === $String ? $util.base64.encode(message.datagrams[j], 0, message.datagrams[j].length) : options.bytes === $Array ? $Array.prototype.slice.call(message.datagrams[j]) : message.datagrams[j];
                }
                return object;
            };

            /**
             * Converts this IpPacket to JSON.
             * @function toJSON
             * @memberof vmha.v1.IpPacket
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            IpPacket.prototype.toJSON = function() {
                return IpPacket.toObject(this, $protobuf.util.toJSONOptions);
            };

            return IpPacket;
        })();

        v1.VipAnnouncement = (function() {

            /**
             * Properties of a VipAnnouncement.
             * @typedef {Object} vmha.v1.VipAnnouncement.$Properties
             * @property {number|null} [protocolVersion] VipAnnouncement protocolVersion
             * @property {string|null} [vmId] VipAnnouncement vmId
             * @property {string|null} [address] VipAnnouncement address
             * @property {string|null} [owner] VipAnnouncement owner
             * @property {number|null} [leaseRevision] VipAnnouncement leaseRevision
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a VipAnnouncement.
             * @memberof vmha.v1
             * @interface IVipAnnouncement
             * @augments vmha.v1.VipAnnouncement.$Properties
             * @deprecated Use vmha.v1.VipAnnouncement.$Properties instead.
             */

            /**
             * Shape of a VipAnnouncement.
             * @typedef {vmha.v1.VipAnnouncement.$Properties} vmha.v1.VipAnnouncement.$Shape
             */

            /**
             * Constructs a new VipAnnouncement.
             * @memberof vmha.v1
             * @classdesc Represents a VipAnnouncement.
             * @constructor
             * @param {vmha.v1.VipAnnouncement.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const VipAnnouncement = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * VipAnnouncement protocolVersion.
             * @member {number} protocolVersion
             * @memberof vmha.v1.VipAnnouncement
             * @instance
             */
            VipAnnouncement.prototype.protocolVersion = 0;

            /**
             * VipAnnouncement vmId.
             * @member {string} vmId
             * @memberof vmha.v1.VipAnnouncement
             * @instance
             */
            VipAnnouncement.prototype.vmId = "";

            /**
             * VipAnnouncement address.
             * @member {string} address
             * @memberof vmha.v1.VipAnnouncement
             * @instance
             */
            VipAnnouncement.prototype.address = "";

            /**
             * VipAnnouncement owner.
             * @member {string} owner
             * @memberof vmha.v1.VipAnnouncement
             * @instance
             */
            VipAnnouncement.prototype.owner = "";

            /**
             * VipAnnouncement leaseRevision.
             * @member {number} leaseRevision
             * @memberof vmha.v1.VipAnnouncement
             * @instance
             */
            VipAnnouncement.prototype.leaseRevision = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Creates a new VipAnnouncement instance using the specified properties.
             * @function create
             * @memberof vmha.v1.VipAnnouncement
             * @static
             * @param {vmha.v1.VipAnnouncement.$Properties=} [properties] Properties to set
             * @returns {vmha.v1.VipAnnouncement} VipAnnouncement instance
             * @type {{
             *   (properties: vmha.v1.VipAnnouncement.$Shape): vmha.v1.VipAnnouncement & vmha.v1.VipAnnouncement.$Shape;
             *   (properties?: vmha.v1.VipAnnouncement.$Properties): vmha.v1.VipAnnouncement;
             * }}
             */
            VipAnnouncement.create = function(properties) {
                return new VipAnnouncement(properties);
            };

            /**
             * Encodes the specified VipAnnouncement message. Does not implicitly {@link vmha.v1.VipAnnouncement.verify|verify} messages.
             * @function encode
             * @memberof vmha.v1.VipAnnouncement
             * @static
             * @param {vmha.v1.VipAnnouncement.$Properties} message VipAnnouncement message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            VipAnnouncement.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.protocolVersion != null && $Object.hasOwnProperty.call(message, "protocolVersion") && message.protocolVersion !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.protocolVersion);
                if (message.vmId != null && $Object.hasOwnProperty.call(message, "vmId") && message.vmId !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.vmId);
                if (message.address != null && $Object.hasOwnProperty.call(message, "address") && message.address !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.address);
                if (message.owner != null && $Object.hasOwnProperty.call(message, "owner") && message.owner !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.owner);
                if (message.leaseRevision != null && $Object.hasOwnProperty.call(message, "leaseRevision") && (typeof message.leaseRevision === "object" ? message.leaseRevision.low || message.leaseRevision.high : message.leaseRevision !== 0))
                    writer.uint32(/* id 5, wireType 0 =*/40).uint64(message.leaseRevision);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a VipAnnouncement message from the specified reader or buffer.
             * @function decode
             * @memberof vmha.v1.VipAnnouncement
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {vmha.v1.VipAnnouncement & vmha.v1.VipAnnouncement.$Shape} VipAnnouncement
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            VipAnnouncement.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.vmha.v1.VipAnnouncement();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.protocolVersion = value;
                            else
                                delete message.protocolVersion;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.vmId = value;
                            else
                                delete message.vmId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.address = value;
                            else
                                delete message.address;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.owner = value;
                            else
                                delete message.owner;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.leaseRevision = value;
                            else
                                delete message.leaseRevision;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Verifies a VipAnnouncement message.
             * @function verify
             * @memberof vmha.v1.VipAnnouncement
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            VipAnnouncement.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.protocolVersion != null && $Object.hasOwnProperty.call(message, "protocolVersion"))
                    if (!$util.isInteger(message.protocolVersion))
                        return "protocolVersion: integer expected";
                if (message.vmId != null && $Object.hasOwnProperty.call(message, "vmId"))
                    if (!$util.isString(message.vmId))
                        return "vmId: string expected";
                if (message.address != null && $Object.hasOwnProperty.call(message, "address"))
                    if (!$util.isString(message.address))
                        return "address: string expected";
                if (message.owner != null && $Object.hasOwnProperty.call(message, "owner"))
                    if (!$util.isString(message.owner))
                        return "owner: string expected";
                if (message.leaseRevision != null && $Object.hasOwnProperty.call(message, "leaseRevision"))
                    if (!$util.isInteger(message.leaseRevision) && !(message.leaseRevision && $util.isInteger(message.leaseRevision.low) && $util.isInteger(message.leaseRevision.high)))
                        return "leaseRevision: integer|Long expected";
                return null;
            };

            /**
             * Creates a VipAnnouncement message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof vmha.v1.VipAnnouncement
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {vmha.v1.VipAnnouncement} VipAnnouncement
             */
            VipAnnouncement.fromObject = function (object, _depth) {
                if (object instanceof $root.vmha.v1.VipAnnouncement)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".vmha.v1.VipAnnouncement: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.vmha.v1.VipAnnouncement();
                if (object.protocolVersion != null)
                    if ($Number(object.protocolVersion) !== 0)
                        message.protocolVersion = object.protocolVersion >>> 0;
                if (object.vmId != null)
                    if (typeof object.vmId !== "string" || object.vmId.length)
                        message.vmId = $String(object.vmId);
                if (object.address != null)
                    if (typeof object.address !== "string" || object.address.length)
                        message.address = $String(object.address);
                if (object.owner != null)
                    if (typeof object.owner !== "string" || object.owner.length)
                        message.owner = $String(object.owner);
                if (object.leaseRevision != null)
                    if (typeof object.leaseRevision === "object" ? object.leaseRevision.low || object.leaseRevision.high : $Number(object.leaseRevision) !== 0)
                        if ($util.Long)
                            message.leaseRevision = $util.Long.fromValue(object.leaseRevision, true);
                        else if (typeof object.leaseRevision === "string")
                            message.leaseRevision = $parseInt(object.leaseRevision, 10);
                        else if (typeof object.leaseRevision === "number")
                            message.leaseRevision = object.leaseRevision;
                        else if (typeof object.leaseRevision === "object")
                            message.leaseRevision = new $util.LongBits(object.leaseRevision.low >>> 0, object.leaseRevision.high >>> 0).toNumber(true);
                return message;
            };

            /**
             * Creates a plain object from a VipAnnouncement message. Also converts values to other types if specified.
             * @function toObject
             * @memberof vmha.v1.VipAnnouncement
             * @static
             * @param {vmha.v1.VipAnnouncement} message VipAnnouncement
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            VipAnnouncement.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.protocolVersion = 0;
                    object.vmId = "";
                    object.address = "";
                    object.owner = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.leaseRevision = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.leaseRevision = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (message.protocolVersion != null && $Object.hasOwnProperty.call(message, "protocolVersion"))
                    object.protocolVersion = message.protocolVersion;
                if (message.vmId != null && $Object.hasOwnProperty.call(message, "vmId"))
                    object.vmId = message.vmId;
                if (message.address != null && $Object.hasOwnProperty.call(message, "address"))
                    object.address = message.address;
                if (message.owner != null && $Object.hasOwnProperty.call(message, "owner"))
                    object.owner = message.owner;
                if (message.leaseRevision != null && $Object.hasOwnProperty.call(message, "leaseRevision"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.leaseRevision = typeof message.leaseRevision === "number" ? $BigInt(message.leaseRevision) : $util.Long.fromBits(message.leaseRevision.low >>> 0, message.leaseRevision.high >>> 0, true).toBigInt();
                    else if (typeof message.leaseRevision === "number")
                        object.leaseRevision = options.longs === $String ? $String(message.leaseRevision) : message.leaseRevision;
                    else
                        object.leaseRevision = options.longs === $String ? $util.Long.prototype.toString.call(message.leaseRevision) : options.longs === $Number ? new $util.LongBits(message.leaseRevision.low >>> 0, message.leaseRevision.high >>> 0).toNumber(true) : message.leaseRevision;
                return object;
            };

            /**
             * Converts this VipAnnouncement to JSON.
             * @function toJSON
             * @memberof vmha.v1.VipAnnouncement
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            VipAnnouncement.prototype.toJSON = function() {
                return VipAnnouncement.toObject(this, $protobuf.util.toJSONOptions);
            };

            return VipAnnouncement;
        })();

        /**
         * CheckpointKind enum.
         * @name vmha.v1.CheckpointKind
         * @enum {number}
         * @property {number} CHECKPOINT_KIND_UNSPECIFIED=0 CHECKPOINT_KIND_UNSPECIFIED value
         * @property {number} CHECKPOINT_KIND_SYNC_PAGES=1 CHECKPOINT_KIND_SYNC_PAGES value
         * @property {number} CHECKPOINT_KIND_SYNC_SEAL=2 CHECKPOINT_KIND_SYNC_SEAL value
         * @property {number} CHECKPOINT_KIND_EPOCH=3 CHECKPOINT_KIND_EPOCH value
         */
        v1.CheckpointKind = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "CHECKPOINT_KIND_UNSPECIFIED"] = 0;
            values[valuesById[1] = "CHECKPOINT_KIND_SYNC_PAGES"] = 1;
            values[valuesById[2] = "CHECKPOINT_KIND_SYNC_SEAL"] = 2;
            values[valuesById[3] = "CHECKPOINT_KIND_EPOCH"] = 3;
            return values;
        })();

        v1.CheckpointChunk = (function() {

            /**
             * Properties of a CheckpointChunk.
             * @typedef {Object} vmha.v1.CheckpointChunk.$Properties
             * @property {number|null} [protocolVersion] CheckpointChunk protocolVersion
             * @property {string|null} [vmId] CheckpointChunk vmId
             * @property {string|null} [streamId] CheckpointChunk streamId
             * @property {vmha.v1.CheckpointKind|null} [kind] CheckpointChunk kind
             * @property {number|null} [epoch] CheckpointChunk epoch
             * @property {number|null} [baseEpoch] CheckpointChunk baseEpoch
             * @property {number|null} [chunkIndex] CheckpointChunk chunkIndex
             * @property {number|null} [chunkCount] CheckpointChunk chunkCount
             * @property {number|null} [bodyBytes] CheckpointChunk bodyBytes
             * @property {number|null} [dataCrc32] CheckpointChunk dataCrc32
             * @property {Uint8Array|null} [data] CheckpointChunk data
             * @property {number|null} [leaseRevision] CheckpointChunk leaseRevision
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a CheckpointChunk.
             * @memberof vmha.v1
             * @interface ICheckpointChunk
             * @augments vmha.v1.CheckpointChunk.$Properties
             * @deprecated Use vmha.v1.CheckpointChunk.$Properties instead.
             */

            /**
             * Shape of a CheckpointChunk.
             * @typedef {vmha.v1.CheckpointChunk.$Properties} vmha.v1.CheckpointChunk.$Shape
             */

            /**
             * Constructs a new CheckpointChunk.
             * @memberof vmha.v1
             * @classdesc Represents a CheckpointChunk.
             * @constructor
             * @param {vmha.v1.CheckpointChunk.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const CheckpointChunk = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * CheckpointChunk protocolVersion.
             * @member {number} protocolVersion
             * @memberof vmha.v1.CheckpointChunk
             * @instance
             */
            CheckpointChunk.prototype.protocolVersion = 0;

            /**
             * CheckpointChunk vmId.
             * @member {string} vmId
             * @memberof vmha.v1.CheckpointChunk
             * @instance
             */
            CheckpointChunk.prototype.vmId = "";

            /**
             * CheckpointChunk streamId.
             * @member {string} streamId
             * @memberof vmha.v1.CheckpointChunk
             * @instance
             */
            CheckpointChunk.prototype.streamId = "";

            /**
             * CheckpointChunk kind.
             * @member {vmha.v1.CheckpointKind} kind
             * @memberof vmha.v1.CheckpointChunk
             * @instance
             */
            CheckpointChunk.prototype.kind = 0;

            /**
             * CheckpointChunk epoch.
             * @member {number} epoch
             * @memberof vmha.v1.CheckpointChunk
             * @instance
             */
            CheckpointChunk.prototype.epoch = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * CheckpointChunk baseEpoch.
             * @member {number} baseEpoch
             * @memberof vmha.v1.CheckpointChunk
             * @instance
             */
            CheckpointChunk.prototype.baseEpoch = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * CheckpointChunk chunkIndex.
             * @member {number} chunkIndex
             * @memberof vmha.v1.CheckpointChunk
             * @instance
             */
            CheckpointChunk.prototype.chunkIndex = 0;

            /**
             * CheckpointChunk chunkCount.
             * @member {number} chunkCount
             * @memberof vmha.v1.CheckpointChunk
             * @instance
             */
            CheckpointChunk.prototype.chunkCount = 0;

            /**
             * CheckpointChunk bodyBytes.
             * @member {number} bodyBytes
             * @memberof vmha.v1.CheckpointChunk
             * @instance
             */
            CheckpointChunk.prototype.bodyBytes = 0;

            /**
             * CheckpointChunk dataCrc32.
             * @member {number} dataCrc32
             * @memberof vmha.v1.CheckpointChunk
             * @instance
             */
            CheckpointChunk.prototype.dataCrc32 = 0;

            /**
             * CheckpointChunk data.
             * @member {Uint8Array} data
             * @memberof vmha.v1.CheckpointChunk
             * @instance
             */
            CheckpointChunk.prototype.data = $util.newBuffer([]);

            /**
             * CheckpointChunk leaseRevision.
             * @member {number} leaseRevision
             * @memberof vmha.v1.CheckpointChunk
             * @instance
             */
            CheckpointChunk.prototype.leaseRevision = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Creates a new CheckpointChunk instance using the specified properties.
             * @function create
             * @memberof vmha.v1.CheckpointChunk
             * @static
             * @param {vmha.v1.CheckpointChunk.$Properties=} [properties] Properties to set
             * @returns {vmha.v1.CheckpointChunk} CheckpointChunk instance
             * @type {{
             *   (properties: vmha.v1.CheckpointChunk.$Shape): vmha.v1.CheckpointChunk & vmha.v1.CheckpointChunk.$Shape;
             *   (properties?: vmha.v1.CheckpointChunk.$Properties): vmha.v1.CheckpointChunk;
             * }}
             */
            CheckpointChunk.create = function(properties) {
                return new CheckpointChunk(properties);
            };

            /**
             * Encodes the specified CheckpointChunk message. Does not implicitly {@link vmha.v1.CheckpointChunk.verify|verify} messages.
             * @function encode
             * @memberof vmha.v1.CheckpointChunk
             * @static
             * @param {vmha.v1.CheckpointChunk.$Properties} message CheckpointChunk message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            CheckpointChunk.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.protocolVersion != null && $Object.hasOwnProperty.call(message, "protocolVersion") && message.protocolVersion !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.protocolVersion);
                if (message.vmId != null && $Object.hasOwnProperty.call(message, "vmId") && message.vmId !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.vmId);
                if (message.streamId != null && $Object.hasOwnProperty.call(message, "streamId") && message.streamId !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.streamId);
                if (message.kind != null && $Object.hasOwnProperty.call(message, "kind") && message.kind !== 0)
                    writer.uint32(/* id 4, wireType 0 =*/32).int32(message.kind);
                if (message.epoch != null && $Object.hasOwnProperty.call(message, "epoch") && (typeof message.epoch === "object" ? message.epoch.low || message.epoch.high : message.epoch !== 0))
                    writer.uint32(/* id 5, wireType 0 =*/40).uint64(message.epoch);
                if (message.baseEpoch != null && $Object.hasOwnProperty.call(message, "baseEpoch") && (typeof message.baseEpoch === "object" ? message.baseEpoch.low || message.baseEpoch.high : message.baseEpoch !== 0))
                    writer.uint32(/* id 6, wireType 0 =*/48).uint64(message.baseEpoch);
                if (message.chunkIndex != null && $Object.hasOwnProperty.call(message, "chunkIndex") && message.chunkIndex !== 0)
                    writer.uint32(/* id 7, wireType 0 =*/56).uint32(message.chunkIndex);
                if (message.chunkCount != null && $Object.hasOwnProperty.call(message, "chunkCount") && message.chunkCount !== 0)
                    writer.uint32(/* id 8, wireType 0 =*/64).uint32(message.chunkCount);
                if (message.bodyBytes != null && $Object.hasOwnProperty.call(message, "bodyBytes") && message.bodyBytes !== 0)
                    writer.uint32(/* id 9, wireType 0 =*/72).uint32(message.bodyBytes);
                if (message.dataCrc32 != null && $Object.hasOwnProperty.call(message, "dataCrc32") && message.dataCrc32 !== 0)
                    writer.uint32(/* id 10, wireType 0 =*/80).uint32(message.dataCrc32);
                if (message.data != null && $Object.hasOwnProperty.call(message, "data") && message.data.length)
                    writer.uint32(/* id 11, wireType 2 =*/90).bytes(message.data);
                if (message.leaseRevision != null && $Object.hasOwnProperty.call(message, "leaseRevision") && (typeof message.leaseRevision === "object" ? message.leaseRevision.low || message.leaseRevision.high : message.leaseRevision !== 0))
                    writer.uint32(/* id 12, wireType 0 =*/96).uint64(message.leaseRevision);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a CheckpointChunk message from the specified reader or buffer.
             * @function decode
             * @memberof vmha.v1.CheckpointChunk
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {vmha.v1.CheckpointChunk & vmha.v1.CheckpointChunk.$Shape} CheckpointChunk
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            CheckpointChunk.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.vmha.v1.CheckpointChunk();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.protocolVersion = value;
                            else
                                delete message.protocolVersion;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.vmId = value;
                            else
                                delete message.vmId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.streamId = value;
                            else
                                delete message.streamId;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.kind = value;
                            else
                                delete message.kind;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.epoch = value;
                            else
                                delete message.epoch;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.baseEpoch = value;
                            else
                                delete message.baseEpoch;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.chunkIndex = value;
                            else
                                delete message.chunkIndex;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.chunkCount = value;
                            else
                                delete message.chunkCount;
                            continue;
                        }
                    case 9: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.bodyBytes = value;
                            else
                                delete message.bodyBytes;
                            continue;
                        }
                    case 10: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.dataCrc32 = value;
                            else
                                delete message.dataCrc32;
                            continue;
                        }
                    case 11: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.data = value;
                            else
                                delete message.data;
                            continue;
                        }
                    case 12: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.leaseRevision = value;
                            else
                                delete message.leaseRevision;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Verifies a CheckpointChunk message.
             * @function verify
             * @memberof vmha.v1.CheckpointChunk
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            CheckpointChunk.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.protocolVersion != null && $Object.hasOwnProperty.call(message, "protocolVersion"))
                    if (!$util.isInteger(message.protocolVersion))
                        return "protocolVersion: integer expected";
                if (message.vmId != null && $Object.hasOwnProperty.call(message, "vmId"))
                    if (!$util.isString(message.vmId))
                        return "vmId: string expected";
                if (message.streamId != null && $Object.hasOwnProperty.call(message, "streamId"))
                    if (!$util.isString(message.streamId))
                        return "streamId: string expected";
                if (message.kind != null && $Object.hasOwnProperty.call(message, "kind"))
                    if (typeof message.kind !== "number" || (message.kind | 0) !== message.kind)
                        return "kind: enum value expected";
                if (message.epoch != null && $Object.hasOwnProperty.call(message, "epoch"))
                    if (!$util.isInteger(message.epoch) && !(message.epoch && $util.isInteger(message.epoch.low) && $util.isInteger(message.epoch.high)))
                        return "epoch: integer|Long expected";
                if (message.baseEpoch != null && $Object.hasOwnProperty.call(message, "baseEpoch"))
                    if (!$util.isInteger(message.baseEpoch) && !(message.baseEpoch && $util.isInteger(message.baseEpoch.low) && $util.isInteger(message.baseEpoch.high)))
                        return "baseEpoch: integer|Long expected";
                if (message.chunkIndex != null && $Object.hasOwnProperty.call(message, "chunkIndex"))
                    if (!$util.isInteger(message.chunkIndex))
                        return "chunkIndex: integer expected";
                if (message.chunkCount != null && $Object.hasOwnProperty.call(message, "chunkCount"))
                    if (!$util.isInteger(message.chunkCount))
                        return "chunkCount: integer expected";
                if (message.bodyBytes != null && $Object.hasOwnProperty.call(message, "bodyBytes"))
                    if (!$util.isInteger(message.bodyBytes))
                        return "bodyBytes: integer expected";
                if (message.dataCrc32 != null && $Object.hasOwnProperty.call(message, "dataCrc32"))
                    if (!$util.isInteger(message.dataCrc32))
                        return "dataCrc32: integer expected";
                if (message.data != null && $Object.hasOwnProperty.call(message, "data"))
                    if (!(message.data && typeof message.data.length === "number" || $util.isString(message.data)))
                        return "data: buffer expected";
                if (message.leaseRevision != null && $Object.hasOwnProperty.call(message, "leaseRevision"))
                    if (!$util.isInteger(message.leaseRevision) && !(message.leaseRevision && $util.isInteger(message.leaseRevision.low) && $util.isInteger(message.leaseRevision.high)))
                        return "leaseRevision: integer|Long expected";
                return null;
            };

            /**
             * Creates a CheckpointChunk message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof vmha.v1.CheckpointChunk
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {vmha.v1.CheckpointChunk} CheckpointChunk
             */
            CheckpointChunk.fromObject = function (object, _depth) {
                if (object instanceof $root.vmha.v1.CheckpointChunk)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".vmha.v1.CheckpointChunk: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.vmha.v1.CheckpointChunk();
                if (object.protocolVersion != null)
                    if ($Number(object.protocolVersion) !== 0)
                        message.protocolVersion = object.protocolVersion >>> 0;
                if (object.vmId != null)
                    if (typeof object.vmId !== "string" || object.vmId.length)
                        message.vmId = $String(object.vmId);
                if (object.streamId != null)
                    if (typeof object.streamId !== "string" || object.streamId.length)
                        message.streamId = $String(object.streamId);
                if (object.kind !== 0 && (typeof object.kind !== "string" || $root.vmha.v1.CheckpointKind[object.kind] !== 0))
                    switch (object.kind) {
                    case "CHECKPOINT_KIND_UNSPECIFIED":
                    case 0:
                        message.kind = 0;
                        break;
                    case "CHECKPOINT_KIND_SYNC_PAGES":
                    case 1:
                        message.kind = 1;
                        break;
                    case "CHECKPOINT_KIND_SYNC_SEAL":
                    case 2:
                        message.kind = 2;
                        break;
                    case "CHECKPOINT_KIND_EPOCH":
                    case 3:
                        message.kind = 3;
                        break;
                    default:
                        if (typeof object.kind === "number" && (object.kind | 0) === object.kind)
                            message.kind = object.kind;
                    }
                if (object.epoch != null)
                    if (typeof object.epoch === "object" ? object.epoch.low || object.epoch.high : $Number(object.epoch) !== 0)
                        if ($util.Long)
                            message.epoch = $util.Long.fromValue(object.epoch, true);
                        else if (typeof object.epoch === "string")
                            message.epoch = $parseInt(object.epoch, 10);
                        else if (typeof object.epoch === "number")
                            message.epoch = object.epoch;
                        else if (typeof object.epoch === "object")
                            message.epoch = new $util.LongBits(object.epoch.low >>> 0, object.epoch.high >>> 0).toNumber(true);
                if (object.baseEpoch != null)
                    if (typeof object.baseEpoch === "object" ? object.baseEpoch.low || object.baseEpoch.high : $Number(object.baseEpoch) !== 0)
                        if ($util.Long)
                            message.baseEpoch = $util.Long.fromValue(object.baseEpoch, true);
                        else if (typeof object.baseEpoch === "string")
                            message.baseEpoch = $parseInt(object.baseEpoch, 10);
                        else if (typeof object.baseEpoch === "number")
                            message.baseEpoch = object.baseEpoch;
                        else if (typeof object.baseEpoch === "object")
                            message.baseEpoch = new $util.LongBits(object.baseEpoch.low >>> 0, object.baseEpoch.high >>> 0).toNumber(true);
                if (object.chunkIndex != null)
                    if ($Number(object.chunkIndex) !== 0)
                        message.chunkIndex = object.chunkIndex >>> 0;
                if (object.chunkCount != null)
                    if ($Number(object.chunkCount) !== 0)
                        message.chunkCount = object.chunkCount >>> 0;
                if (object.bodyBytes != null)
                    if ($Number(object.bodyBytes) !== 0)
                        message.bodyBytes = object.bodyBytes >>> 0;
                if (object.dataCrc32 != null)
                    if ($Number(object.dataCrc32) !== 0)
                        message.dataCrc32 = object.dataCrc32 >>> 0;
                if (object.data != null)
                    if (object.data.length)
                        if (typeof object.data === "string")
                            $util.base64.decode(object.data, message.data = $util.newBuffer($util.base64.length(object.data)), 0);
                        else if (object.data.length >= 0)
                            message.data = object.data;
                if (object.leaseRevision != null)
                    if (typeof object.leaseRevision === "object" ? object.leaseRevision.low || object.leaseRevision.high : $Number(object.leaseRevision) !== 0)
                        if ($util.Long)
                            message.leaseRevision = $util.Long.fromValue(object.leaseRevision, true);
                        else if (typeof object.leaseRevision === "string")
                            message.leaseRevision = $parseInt(object.leaseRevision, 10);
                        else if (typeof object.leaseRevision === "number")
                            message.leaseRevision = object.leaseRevision;
                        else if (typeof object.leaseRevision === "object")
                            message.leaseRevision = new $util.LongBits(object.leaseRevision.low >>> 0, object.leaseRevision.high >>> 0).toNumber(true);
                return message;
            };

            /**
             * Creates a plain object from a CheckpointChunk message. Also converts values to other types if specified.
             * @function toObject
             * @memberof vmha.v1.CheckpointChunk
             * @static
             * @param {vmha.v1.CheckpointChunk} message CheckpointChunk
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            CheckpointChunk.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.protocolVersion = 0;
                    object.vmId = "";
                    object.streamId = "";
                    object.kind = options.enums === $String ? "CHECKPOINT_KIND_UNSPECIFIED" : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.epoch = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.epoch = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.baseEpoch = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.baseEpoch = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.chunkIndex = 0;
                    object.chunkCount = 0;
                    object.bodyBytes = 0;
                    object.dataCrc32 = 0;
                    if (options.bytes === $String)
                        object.data = "";
                    else {
                        object.data = [];
                        if (options.bytes !== $Array)
                            object.data = $util.newBuffer(object.data);
                    }
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.leaseRevision = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.leaseRevision = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (message.protocolVersion != null && $Object.hasOwnProperty.call(message, "protocolVersion"))
                    object.protocolVersion = message.protocolVersion;
                if (message.vmId != null && $Object.hasOwnProperty.call(message, "vmId"))
                    object.vmId = message.vmId;
                if (message.streamId != null && $Object.hasOwnProperty.call(message, "streamId"))
                    object.streamId = message.streamId;
                if (message.kind != null && $Object.hasOwnProperty.call(message, "kind"))
                    object.kind = options.enums === $String ? $root.vmha.v1.CheckpointKind[message.kind] === $undefined ? message.kind : $root.vmha.v1.CheckpointKind[message.kind] : message.kind;
                if (message.epoch != null && $Object.hasOwnProperty.call(message, "epoch"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.epoch = typeof message.epoch === "number" ? $BigInt(message.epoch) : $util.Long.fromBits(message.epoch.low >>> 0, message.epoch.high >>> 0, true).toBigInt();
                    else if (typeof message.epoch === "number")
                        object.epoch = options.longs === $String ? $String(message.epoch) : message.epoch;
                    else
                        object.epoch = options.longs === $String ? $util.Long.prototype.toString.call(message.epoch) : options.longs === $Number ? new $util.LongBits(message.epoch.low >>> 0, message.epoch.high >>> 0).toNumber(true) : message.epoch;
                if (message.baseEpoch != null && $Object.hasOwnProperty.call(message, "baseEpoch"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.baseEpoch = typeof message.baseEpoch === "number" ? $BigInt(message.baseEpoch) : $util.Long.fromBits(message.baseEpoch.low >>> 0, message.baseEpoch.high >>> 0, true).toBigInt();
                    else if (typeof message.baseEpoch === "number")
                        object.baseEpoch = options.longs === $String ? $String(message.baseEpoch) : message.baseEpoch;
                    else
                        object.baseEpoch = options.longs === $String ? $util.Long.prototype.toString.call(message.baseEpoch) : options.longs === $Number ? new $util.LongBits(message.baseEpoch.low >>> 0, message.baseEpoch.high >>> 0).toNumber(true) : message.baseEpoch;
                if (message.chunkIndex != null && $Object.hasOwnProperty.call(message, "chunkIndex"))
                    object.chunkIndex = message.chunkIndex;
                if (message.chunkCount != null && $Object.hasOwnProperty.call(message, "chunkCount"))
                    object.chunkCount = message.chunkCount;
                if (message.bodyBytes != null && $Object.hasOwnProperty.call(message, "bodyBytes"))
                    object.bodyBytes = message.bodyBytes;
                if (message.dataCrc32 != null && $Object.hasOwnProperty.call(message, "dataCrc32"))
                    object.dataCrc32 = message.dataCrc32;
                if (message.data != null && $Object.hasOwnProperty.call(message, "data"))
                    object.data = options.bytes === $String ? $util.base64.encode(message.data, 0, message.data.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.data) : message.data;
                if (message.leaseRevision != null && $Object.hasOwnProperty.call(message, "leaseRevision"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.leaseRevision = typeof message.leaseRevision === "number" ? $BigInt(message.leaseRevision) : $util.Long.fromBits(message.leaseRevision.low >>> 0, message.leaseRevision.high >>> 0, true).toBigInt();
                    else if (typeof message.leaseRevision === "number")
                        object.leaseRevision = options.longs === $String ? $String(message.leaseRevision) : message.leaseRevision;
                    else
                        object.leaseRevision = options.longs === $String ? $util.Long.prototype.toString.call(message.leaseRevision) : options.longs === $Number ? new $util.LongBits(message.leaseRevision.low >>> 0, message.leaseRevision.high >>> 0).toNumber(true) : message.leaseRevision;
                return object;
            };

            /**
             * Converts this CheckpointChunk to JSON.
             * @function toJSON
             * @memberof vmha.v1.CheckpointChunk
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            CheckpointChunk.prototype.toJSON = function() {
                return CheckpointChunk.toObject(this, $protobuf.util.toJSONOptions);
            };

            return CheckpointChunk;
        })();

        v1.CheckpointAck = (function() {

            /**
             * Properties of a CheckpointAck.
             * @typedef {Object} vmha.v1.CheckpointAck.$Properties
             * @property {number|null} [protocolVersion] CheckpointAck protocolVersion
             * @property {string|null} [vmId] CheckpointAck vmId
             * @property {string|null} [streamId] CheckpointAck streamId
             * @property {string|null} [backup] CheckpointAck backup
             * @property {number|null} [epoch] CheckpointAck epoch
             * @property {boolean|null} [applied] CheckpointAck applied
             * @property {string|null} [error] CheckpointAck error
             * @property {string|null} [stateDigest] CheckpointAck stateDigest
             * @property {number|null} [leaseRevision] CheckpointAck leaseRevision
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a CheckpointAck.
             * @memberof vmha.v1
             * @interface ICheckpointAck
             * @augments vmha.v1.CheckpointAck.$Properties
             * @deprecated Use vmha.v1.CheckpointAck.$Properties instead.
             */

            /**
             * Shape of a CheckpointAck.
             * @typedef {vmha.v1.CheckpointAck.$Properties} vmha.v1.CheckpointAck.$Shape
             */

            /**
             * Constructs a new CheckpointAck.
             * @memberof vmha.v1
             * @classdesc Represents a CheckpointAck.
             * @constructor
             * @param {vmha.v1.CheckpointAck.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const CheckpointAck = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * CheckpointAck protocolVersion.
             * @member {number} protocolVersion
             * @memberof vmha.v1.CheckpointAck
             * @instance
             */
            CheckpointAck.prototype.protocolVersion = 0;

            /**
             * CheckpointAck vmId.
             * @member {string} vmId
             * @memberof vmha.v1.CheckpointAck
             * @instance
             */
            CheckpointAck.prototype.vmId = "";

            /**
             * CheckpointAck streamId.
             * @member {string} streamId
             * @memberof vmha.v1.CheckpointAck
             * @instance
             */
            CheckpointAck.prototype.streamId = "";

            /**
             * CheckpointAck backup.
             * @member {string} backup
             * @memberof vmha.v1.CheckpointAck
             * @instance
             */
            CheckpointAck.prototype.backup = "";

            /**
             * CheckpointAck epoch.
             * @member {number} epoch
             * @memberof vmha.v1.CheckpointAck
             * @instance
             */
            CheckpointAck.prototype.epoch = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * CheckpointAck applied.
             * @member {boolean} applied
             * @memberof vmha.v1.CheckpointAck
             * @instance
             */
            CheckpointAck.prototype.applied = false;

            /**
             * CheckpointAck error.
             * @member {string} error
             * @memberof vmha.v1.CheckpointAck
             * @instance
             */
            CheckpointAck.prototype.error = "";

            /**
             * CheckpointAck stateDigest.
             * @member {string} stateDigest
             * @memberof vmha.v1.CheckpointAck
             * @instance
             */
            CheckpointAck.prototype.stateDigest = "";

            /**
             * CheckpointAck leaseRevision.
             * @member {number} leaseRevision
             * @memberof vmha.v1.CheckpointAck
             * @instance
             */
            CheckpointAck.prototype.leaseRevision = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Creates a new CheckpointAck instance using the specified properties.
             * @function create
             * @memberof vmha.v1.CheckpointAck
             * @static
             * @param {vmha.v1.CheckpointAck.$Properties=} [properties] Properties to set
             * @returns {vmha.v1.CheckpointAck} CheckpointAck instance
             * @type {{
             *   (properties: vmha.v1.CheckpointAck.$Shape): vmha.v1.CheckpointAck & vmha.v1.CheckpointAck.$Shape;
             *   (properties?: vmha.v1.CheckpointAck.$Properties): vmha.v1.CheckpointAck;
             * }}
             */
            CheckpointAck.create = function(properties) {
                return new CheckpointAck(properties);
            };

            /**
             * Encodes the specified CheckpointAck message. Does not implicitly {@link vmha.v1.CheckpointAck.verify|verify} messages.
             * @function encode
             * @memberof vmha.v1.CheckpointAck
             * @static
             * @param {vmha.v1.CheckpointAck.$Properties} message CheckpointAck message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            CheckpointAck.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.protocolVersion != null && $Object.hasOwnProperty.call(message, "protocolVersion") && message.protocolVersion !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.protocolVersion);
                if (message.vmId != null && $Object.hasOwnProperty.call(message, "vmId") && message.vmId !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.vmId);
                if (message.streamId != null && $Object.hasOwnProperty.call(message, "streamId") && message.streamId !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.streamId);
                if (message.backup != null && $Object.hasOwnProperty.call(message, "backup") && message.backup !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.backup);
                if (message.epoch != null && $Object.hasOwnProperty.call(message, "epoch") && (typeof message.epoch === "object" ? message.epoch.low || message.epoch.high : message.epoch !== 0))
                    writer.uint32(/* id 5, wireType 0 =*/40).uint64(message.epoch);
                if (message.applied != null && $Object.hasOwnProperty.call(message, "applied") && message.applied !== false)
                    writer.uint32(/* id 6, wireType 0 =*/48).bool(message.applied);
                if (message.error != null && $Object.hasOwnProperty.call(message, "error") && message.error !== "")
                    writer.uint32(/* id 7, wireType 2 =*/58).string(message.error);
                if (message.stateDigest != null && $Object.hasOwnProperty.call(message, "stateDigest") && message.stateDigest !== "")
                    writer.uint32(/* id 8, wireType 2 =*/66).string(message.stateDigest);
                if (message.leaseRevision != null && $Object.hasOwnProperty.call(message, "leaseRevision") && (typeof message.leaseRevision === "object" ? message.leaseRevision.low || message.leaseRevision.high : message.leaseRevision !== 0))
                    writer.uint32(/* id 9, wireType 0 =*/72).uint64(message.leaseRevision);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a CheckpointAck message from the specified reader or buffer.
             * @function decode
             * @memberof vmha.v1.CheckpointAck
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {vmha.v1.CheckpointAck & vmha.v1.CheckpointAck.$Shape} CheckpointAck
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            CheckpointAck.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.vmha.v1.CheckpointAck();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.protocolVersion = value;
                            else
                                delete message.protocolVersion;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.vmId = value;
                            else
                                delete message.vmId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.streamId = value;
                            else
                                delete message.streamId;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.backup = value;
                            else
                                delete message.backup;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.epoch = value;
                            else
                                delete message.epoch;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.applied = value;
                            else
                                delete message.applied;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.error = value;
                            else
                                delete message.error;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.stateDigest = value;
                            else
                                delete message.stateDigest;
                            continue;
                        }
                    case 9: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.leaseRevision = value;
                            else
                                delete message.leaseRevision;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Verifies a CheckpointAck message.
             * @function verify
             * @memberof vmha.v1.CheckpointAck
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            CheckpointAck.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.protocolVersion != null && $Object.hasOwnProperty.call(message, "protocolVersion"))
                    if (!$util.isInteger(message.protocolVersion))
                        return "protocolVersion: integer expected";
                if (message.vmId != null && $Object.hasOwnProperty.call(message, "vmId"))
                    if (!$util.isString(message.vmId))
                        return "vmId: string expected";
                if (message.streamId != null && $Object.hasOwnProperty.call(message, "streamId"))
                    if (!$util.isString(message.streamId))
                        return "streamId: string expected";
                if (message.backup != null && $Object.hasOwnProperty.call(message, "backup"))
                    if (!$util.isString(message.backup))
                        return "backup: string expected";
                if (message.epoch != null && $Object.hasOwnProperty.call(message, "epoch"))
                    if (!$util.isInteger(message.epoch) && !(message.epoch && $util.isInteger(message.epoch.low) && $util.isInteger(message.epoch.high)))
                        return "epoch: integer|Long expected";
                if (message.applied != null && $Object.hasOwnProperty.call(message, "applied"))
                    if (typeof message.applied !== "boolean")
                        return "applied: boolean expected";
                if (message.error != null && $Object.hasOwnProperty.call(message, "error"))
                    if (!$util.isString(message.error))
                        return "error: string expected";
                if (message.stateDigest != null && $Object.hasOwnProperty.call(message, "stateDigest"))
                    if (!$util.isString(message.stateDigest))
                        return "stateDigest: string expected";
                if (message.leaseRevision != null && $Object.hasOwnProperty.call(message, "leaseRevision"))
                    if (!$util.isInteger(message.leaseRevision) && !(message.leaseRevision && $util.isInteger(message.leaseRevision.low) && $util.isInteger(message.leaseRevision.high)))
                        return "leaseRevision: integer|Long expected";
                return null;
            };

            /**
             * Creates a CheckpointAck message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof vmha.v1.CheckpointAck
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {vmha.v1.CheckpointAck} CheckpointAck
             */
            CheckpointAck.fromObject = function (object, _depth) {
                if (object instanceof $root.vmha.v1.CheckpointAck)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".vmha.v1.CheckpointAck: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.vmha.v1.CheckpointAck();
                if (object.protocolVersion != null)
                    if ($Number(object.protocolVersion) !== 0)
                        message.protocolVersion = object.protocolVersion >>> 0;
                if (object.vmId != null)
                    if (typeof object.vmId !== "string" || object.vmId.length)
                        message.vmId = $String(object.vmId);
                if (object.streamId != null)
                    if (typeof object.streamId !== "string" || object.streamId.length)
                        message.streamId = $String(object.streamId);
                if (object.backup != null)
                    if (typeof object.backup !== "string" || object.backup.length)
                        message.backup = $String(object.backup);
                if (object.epoch != null)
                    if (typeof object.epoch === "object" ? object.epoch.low || object.epoch.high : $Number(object.epoch) !== 0)
                        if ($util.Long)
                            message.epoch = $util.Long.fromValue(object.epoch, true);
                        else if (typeof object.epoch === "string")
                            message.epoch = $parseInt(object.epoch, 10);
                        else if (typeof object.epoch === "number")
                            message.epoch = object.epoch;
                        else if (typeof object.epoch === "object")
                            message.epoch = new $util.LongBits(object.epoch.low >>> 0, object.epoch.high >>> 0).toNumber(true);
                if (object.applied != null)
                    if (object.applied)
                        message.applied = $Boolean(object.applied);
                if (object.error != null)
                    if (typeof object.error !== "string" || object.error.length)
                        message.error = $String(object.error);
                if (object.stateDigest != null)
                    if (typeof object.stateDigest !== "string" || object.stateDigest.length)
                        message.stateDigest = $String(object.stateDigest);
                if (object.leaseRevision != null)
                    if (typeof object.leaseRevision === "object" ? object.leaseRevision.low || object.leaseRevision.high : $Number(object.leaseRevision) !== 0)
                        if ($util.Long)
                            message.leaseRevision = $util.Long.fromValue(object.leaseRevision, true);
                        else if (typeof object.leaseRevision === "string")
                            message.leaseRevision = $parseInt(object.leaseRevision, 10);
                        else if (typeof object.leaseRevision === "number")
                            message.leaseRevision = object.leaseRevision;
                        else if (typeof object.leaseRevision === "object")
                            message.leaseRevision = new $util.LongBits(object.leaseRevision.low >>> 0, object.leaseRevision.high >>> 0).toNumber(true);
                return message;
            };

            /**
             * Creates a plain object from a CheckpointAck message. Also converts values to other types if specified.
             * @function toObject
             * @memberof vmha.v1.CheckpointAck
             * @static
             * @param {vmha.v1.CheckpointAck} message CheckpointAck
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            CheckpointAck.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.protocolVersion = 0;
                    object.vmId = "";
                    object.streamId = "";
                    object.backup = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.epoch = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.epoch = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.applied = false;
                    object.error = "";
                    object.stateDigest = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.leaseRevision = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.leaseRevision = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (message.protocolVersion != null && $Object.hasOwnProperty.call(message, "protocolVersion"))
                    object.protocolVersion = message.protocolVersion;
                if (message.vmId != null && $Object.hasOwnProperty.call(message, "vmId"))
                    object.vmId = message.vmId;
                if (message.streamId != null && $Object.hasOwnProperty.call(message, "streamId"))
                    object.streamId = message.streamId;
                if (message.backup != null && $Object.hasOwnProperty.call(message, "backup"))
                    object.backup = message.backup;
                if (message.epoch != null && $Object.hasOwnProperty.call(message, "epoch"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.epoch = typeof message.epoch === "number" ? $BigInt(message.epoch) : $util.Long.fromBits(message.epoch.low >>> 0, message.epoch.high >>> 0, true).toBigInt();
                    else if (typeof message.epoch === "number")
                        object.epoch = options.longs === $String ? $String(message.epoch) : message.epoch;
                    else
                        object.epoch = options.longs === $String ? $util.Long.prototype.toString.call(message.epoch) : options.longs === $Number ? new $util.LongBits(message.epoch.low >>> 0, message.epoch.high >>> 0).toNumber(true) : message.epoch;
                if (message.applied != null && $Object.hasOwnProperty.call(message, "applied"))
                    object.applied = message.applied;
                if (message.error != null && $Object.hasOwnProperty.call(message, "error"))
                    object.error = message.error;
                if (message.stateDigest != null && $Object.hasOwnProperty.call(message, "stateDigest"))
                    object.stateDigest = message.stateDigest;
                if (message.leaseRevision != null && $Object.hasOwnProperty.call(message, "leaseRevision"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.leaseRevision = typeof message.leaseRevision === "number" ? $BigInt(message.leaseRevision) : $util.Long.fromBits(message.leaseRevision.low >>> 0, message.leaseRevision.high >>> 0, true).toBigInt();
                    else if (typeof message.leaseRevision === "number")
                        object.leaseRevision = options.longs === $String ? $String(message.leaseRevision) : message.leaseRevision;
                    else
                        object.leaseRevision = options.longs === $String ? $util.Long.prototype.toString.call(message.leaseRevision) : options.longs === $Number ? new $util.LongBits(message.leaseRevision.low >>> 0, message.leaseRevision.high >>> 0).toNumber(true) : message.leaseRevision;
                return object;
            };

            /**
             * Converts this CheckpointAck to JSON.
             * @function toJSON
             * @memberof vmha.v1.CheckpointAck
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            CheckpointAck.prototype.toJSON = function() {
                return CheckpointAck.toObject(this, $protobuf.util.toJSONOptions);
            };

            return CheckpointAck;
        })();

        v1.Heartbeat = (function() {

            /**
             * Properties of a Heartbeat.
             * @typedef {Object} vmha.v1.Heartbeat.$Properties
             * @property {number|null} [protocolVersion] Heartbeat protocolVersion
             * @property {string|null} [vmId] Heartbeat vmId
             * @property {string|null} [sender] Heartbeat sender
             * @property {string|null} [role] Heartbeat role
             * @property {string|null} [streamId] Heartbeat streamId
             * @property {number|null} [leaseRevision] Heartbeat leaseRevision
             * @property {number|null} [epoch] Heartbeat epoch
             * @property {number|null} [sequence] Heartbeat sequence
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Heartbeat.
             * @memberof vmha.v1
             * @interface IHeartbeat
             * @augments vmha.v1.Heartbeat.$Properties
             * @deprecated Use vmha.v1.Heartbeat.$Properties instead.
             */

            /**
             * Shape of a Heartbeat.
             * @typedef {vmha.v1.Heartbeat.$Properties} vmha.v1.Heartbeat.$Shape
             */

            /**
             * Constructs a new Heartbeat.
             * @memberof vmha.v1
             * @classdesc Represents a Heartbeat.
             * @constructor
             * @param {vmha.v1.Heartbeat.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Heartbeat = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Heartbeat protocolVersion.
             * @member {number} protocolVersion
             * @memberof vmha.v1.Heartbeat
             * @instance
             */
            Heartbeat.prototype.protocolVersion = 0;

            /**
             * Heartbeat vmId.
             * @member {string} vmId
             * @memberof vmha.v1.Heartbeat
             * @instance
             */
            Heartbeat.prototype.vmId = "";

            /**
             * Heartbeat sender.
             * @member {string} sender
             * @memberof vmha.v1.Heartbeat
             * @instance
             */
            Heartbeat.prototype.sender = "";

            /**
             * Heartbeat role.
             * @member {string} role
             * @memberof vmha.v1.Heartbeat
             * @instance
             */
            Heartbeat.prototype.role = "";

            /**
             * Heartbeat streamId.
             * @member {string} streamId
             * @memberof vmha.v1.Heartbeat
             * @instance
             */
            Heartbeat.prototype.streamId = "";

            /**
             * Heartbeat leaseRevision.
             * @member {number} leaseRevision
             * @memberof vmha.v1.Heartbeat
             * @instance
             */
            Heartbeat.prototype.leaseRevision = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Heartbeat epoch.
             * @member {number} epoch
             * @memberof vmha.v1.Heartbeat
             * @instance
             */
            Heartbeat.prototype.epoch = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Heartbeat sequence.
             * @member {number} sequence
             * @memberof vmha.v1.Heartbeat
             * @instance
             */
            Heartbeat.prototype.sequence = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Creates a new Heartbeat instance using the specified properties.
             * @function create
             * @memberof vmha.v1.Heartbeat
             * @static
             * @param {vmha.v1.Heartbeat.$Properties=} [properties] Properties to set
             * @returns {vmha.v1.Heartbeat} Heartbeat instance
             * @type {{
             *   (properties: vmha.v1.Heartbeat.$Shape): vmha.v1.Heartbeat & vmha.v1.Heartbeat.$Shape;
             *   (properties?: vmha.v1.Heartbeat.$Properties): vmha.v1.Heartbeat;
             * }}
             */
            Heartbeat.create = function(properties) {
                return new Heartbeat(properties);
            };

            /**
             * Encodes the specified Heartbeat message. Does not implicitly {@link vmha.v1.Heartbeat.verify|verify} messages.
             * @function encode
             * @memberof vmha.v1.Heartbeat
             * @static
             * @param {vmha.v1.Heartbeat.$Properties} message Heartbeat message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Heartbeat.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.protocolVersion != null && $Object.hasOwnProperty.call(message, "protocolVersion") && message.protocolVersion !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.protocolVersion);
                if (message.vmId != null && $Object.hasOwnProperty.call(message, "vmId") && message.vmId !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.vmId);
                if (message.sender != null && $Object.hasOwnProperty.call(message, "sender") && message.sender !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.sender);
                if (message.role != null && $Object.hasOwnProperty.call(message, "role") && message.role !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.role);
                if (message.streamId != null && $Object.hasOwnProperty.call(message, "streamId") && message.streamId !== "")
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.streamId);
                if (message.leaseRevision != null && $Object.hasOwnProperty.call(message, "leaseRevision") && (typeof message.leaseRevision === "object" ? message.leaseRevision.low || message.leaseRevision.high : message.leaseRevision !== 0))
                    writer.uint32(/* id 6, wireType 0 =*/48).uint64(message.leaseRevision);
                if (message.epoch != null && $Object.hasOwnProperty.call(message, "epoch") && (typeof message.epoch === "object" ? message.epoch.low || message.epoch.high : message.epoch !== 0))
                    writer.uint32(/* id 7, wireType 0 =*/56).uint64(message.epoch);
                if (message.sequence != null && $Object.hasOwnProperty.call(message, "sequence") && (typeof message.sequence === "object" ? message.sequence.low || message.sequence.high : message.sequence !== 0))
                    writer.uint32(/* id 8, wireType 0 =*/64).uint64(message.sequence);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Heartbeat message from the specified reader or buffer.
             * @function decode
             * @memberof vmha.v1.Heartbeat
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {vmha.v1.Heartbeat & vmha.v1.Heartbeat.$Shape} Heartbeat
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Heartbeat.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.vmha.v1.Heartbeat();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.protocolVersion = value;
                            else
                                delete message.protocolVersion;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.vmId = value;
                            else
                                delete message.vmId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.sender = value;
                            else
                                delete message.sender;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.role = value;
                            else
                                delete message.role;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.streamId = value;
                            else
                                delete message.streamId;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.leaseRevision = value;
                            else
                                delete message.leaseRevision;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.epoch = value;
                            else
                                delete message.epoch;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.sequence = value;
                            else
                                delete message.sequence;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Verifies a Heartbeat message.
             * @function verify
             * @memberof vmha.v1.Heartbeat
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Heartbeat.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.protocolVersion != null && $Object.hasOwnProperty.call(message, "protocolVersion"))
                    if (!$util.isInteger(message.protocolVersion))
                        return "protocolVersion: integer expected";
                if (message.vmId != null && $Object.hasOwnProperty.call(message, "vmId"))
                    if (!$util.isString(message.vmId))
                        return "vmId: string expected";
                if (message.sender != null && $Object.hasOwnProperty.call(message, "sender"))
                    if (!$util.isString(message.sender))
                        return "sender: string expected";
                if (message.role != null && $Object.hasOwnProperty.call(message, "role"))
                    if (!$util.isString(message.role))
                        return "role: string expected";
                if (message.streamId != null && $Object.hasOwnProperty.call(message, "streamId"))
                    if (!$util.isString(message.streamId))
                        return "streamId: string expected";
                if (message.leaseRevision != null && $Object.hasOwnProperty.call(message, "leaseRevision"))
                    if (!$util.isInteger(message.leaseRevision) && !(message.leaseRevision && $util.isInteger(message.leaseRevision.low) && $util.isInteger(message.leaseRevision.high)))
                        return "leaseRevision: integer|Long expected";
                if (message.epoch != null && $Object.hasOwnProperty.call(message, "epoch"))
                    if (!$util.isInteger(message.epoch) && !(message.epoch && $util.isInteger(message.epoch.low) && $util.isInteger(message.epoch.high)))
                        return "epoch: integer|Long expected";
                if (message.sequence != null && $Object.hasOwnProperty.call(message, "sequence"))
                    if (!$util.isInteger(message.sequence) && !(message.sequence && $util.isInteger(message.sequence.low) && $util.isInteger(message.sequence.high)))
                        return "sequence: integer|Long expected";
                return null;
            };

            /**
             * Creates a Heartbeat message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof vmha.v1.Heartbeat
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {vmha.v1.Heartbeat} Heartbeat
             */
            Heartbeat.fromObject = function (object, _depth) {
                if (object instanceof $root.vmha.v1.Heartbeat)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".vmha.v1.Heartbeat: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.vmha.v1.Heartbeat();
                if (object.protocolVersion != null)
                    if ($Number(object.protocolVersion) !== 0)
                        message.protocolVersion = object.protocolVersion >>> 0;
                if (object.vmId != null)
                    if (typeof object.vmId !== "string" || object.vmId.length)
                        message.vmId = $String(object.vmId);
                if (object.sender != null)
                    if (typeof object.sender !== "string" || object.sender.length)
                        message.sender = $String(object.sender);
                if (object.role != null)
                    if (typeof object.role !== "string" || object.role.length)
                        message.role = $String(object.role);
                if (object.streamId != null)
                    if (typeof object.streamId !== "string" || object.streamId.length)
                        message.streamId = $String(object.streamId);
                if (object.leaseRevision != null)
                    if (typeof object.leaseRevision === "object" ? object.leaseRevision.low || object.leaseRevision.high : $Number(object.leaseRevision) !== 0)
                        if ($util.Long)
                            message.leaseRevision = $util.Long.fromValue(object.leaseRevision, true);
                        else if (typeof object.leaseRevision === "string")
                            message.leaseRevision = $parseInt(object.leaseRevision, 10);
                        else if (typeof object.leaseRevision === "number")
                            message.leaseRevision = object.leaseRevision;
                        else if (typeof object.leaseRevision === "object")
                            message.leaseRevision = new $util.LongBits(object.leaseRevision.low >>> 0, object.leaseRevision.high >>> 0).toNumber(true);
                if (object.epoch != null)
                    if (typeof object.epoch === "object" ? object.epoch.low || object.epoch.high : $Number(object.epoch) !== 0)
                        if ($util.Long)
                            message.epoch = $util.Long.fromValue(object.epoch, true);
                        else if (typeof object.epoch === "string")
                            message.epoch = $parseInt(object.epoch, 10);
                        else if (typeof object.epoch === "number")
                            message.epoch = object.epoch;
                        else if (typeof object.epoch === "object")
                            message.epoch = new $util.LongBits(object.epoch.low >>> 0, object.epoch.high >>> 0).toNumber(true);
                if (object.sequence != null)
                    if (typeof object.sequence === "object" ? object.sequence.low || object.sequence.high : $Number(object.sequence) !== 0)
                        if ($util.Long)
                            message.sequence = $util.Long.fromValue(object.sequence, true);
                        else if (typeof object.sequence === "string")
                            message.sequence = $parseInt(object.sequence, 10);
                        else if (typeof object.sequence === "number")
                            message.sequence = object.sequence;
                        else if (typeof object.sequence === "object")
                            message.sequence = new $util.LongBits(object.sequence.low >>> 0, object.sequence.high >>> 0).toNumber(true);
                return message;
            };

            /**
             * Creates a plain object from a Heartbeat message. Also converts values to other types if specified.
             * @function toObject
             * @memberof vmha.v1.Heartbeat
             * @static
             * @param {vmha.v1.Heartbeat} message Heartbeat
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Heartbeat.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.protocolVersion = 0;
                    object.vmId = "";
                    object.sender = "";
                    object.role = "";
                    object.streamId = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.leaseRevision = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.leaseRevision = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.epoch = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.epoch = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.sequence = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.sequence = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (message.protocolVersion != null && $Object.hasOwnProperty.call(message, "protocolVersion"))
                    object.protocolVersion = message.protocolVersion;
                if (message.vmId != null && $Object.hasOwnProperty.call(message, "vmId"))
                    object.vmId = message.vmId;
                if (message.sender != null && $Object.hasOwnProperty.call(message, "sender"))
                    object.sender = message.sender;
                if (message.role != null && $Object.hasOwnProperty.call(message, "role"))
                    object.role = message.role;
                if (message.streamId != null && $Object.hasOwnProperty.call(message, "streamId"))
                    object.streamId = message.streamId;
                if (message.leaseRevision != null && $Object.hasOwnProperty.call(message, "leaseRevision"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.leaseRevision = typeof message.leaseRevision === "number" ? $BigInt(message.leaseRevision) : $util.Long.fromBits(message.leaseRevision.low >>> 0, message.leaseRevision.high >>> 0, true).toBigInt();
                    else if (typeof message.leaseRevision === "number")
                        object.leaseRevision = options.longs === $String ? $String(message.leaseRevision) : message.leaseRevision;
                    else
                        object.leaseRevision = options.longs === $String ? $util.Long.prototype.toString.call(message.leaseRevision) : options.longs === $Number ? new $util.LongBits(message.leaseRevision.low >>> 0, message.leaseRevision.high >>> 0).toNumber(true) : message.leaseRevision;
                if (message.epoch != null && $Object.hasOwnProperty.call(message, "epoch"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.epoch = typeof message.epoch === "number" ? $BigInt(message.epoch) : $util.Long.fromBits(message.epoch.low >>> 0, message.epoch.high >>> 0, true).toBigInt();
                    else if (typeof message.epoch === "number")
                        object.epoch = options.longs === $String ? $String(message.epoch) : message.epoch;
                    else
                        object.epoch = options.longs === $String ? $util.Long.prototype.toString.call(message.epoch) : options.longs === $Number ? new $util.LongBits(message.epoch.low >>> 0, message.epoch.high >>> 0).toNumber(true) : message.epoch;
                if (message.sequence != null && $Object.hasOwnProperty.call(message, "sequence"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.sequence = typeof message.sequence === "number" ? $BigInt(message.sequence) : $util.Long.fromBits(message.sequence.low >>> 0, message.sequence.high >>> 0, true).toBigInt();
                    else if (typeof message.sequence === "number")
                        object.sequence = options.longs === $String ? $String(message.sequence) : message.sequence;
                    else
                        object.sequence = options.longs === $String ? $util.Long.prototype.toString.call(message.sequence) : options.longs === $Number ? new $util.LongBits(message.sequence.low >>> 0, message.sequence.high >>> 0).toNumber(true) : message.sequence;
                return object;
            };

            /**
             * Converts this Heartbeat to JSON.
             * @function toJSON
             * @memberof vmha.v1.Heartbeat
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Heartbeat.prototype.toJSON = function() {
                return Heartbeat.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Heartbeat;
        })();

        v1.JoinRequest = (function() {

            /**
             * Properties of a JoinRequest.
             * @typedef {Object} vmha.v1.JoinRequest.$Properties
             * @property {number|null} [protocolVersion] JoinRequest protocolVersion
             * @property {string|null} [vmId] JoinRequest vmId
             * @property {string|null} [backup] JoinRequest backup
             * @property {number|null} [leaseRevision] JoinRequest leaseRevision
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a JoinRequest.
             * @memberof vmha.v1
             * @interface IJoinRequest
             * @augments vmha.v1.JoinRequest.$Properties
             * @deprecated Use vmha.v1.JoinRequest.$Properties instead.
             */

            /**
             * Shape of a JoinRequest.
             * @typedef {vmha.v1.JoinRequest.$Properties} vmha.v1.JoinRequest.$Shape
             */

            /**
             * Constructs a new JoinRequest.
             * @memberof vmha.v1
             * @classdesc Represents a JoinRequest.
             * @constructor
             * @param {vmha.v1.JoinRequest.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const JoinRequest = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * JoinRequest protocolVersion.
             * @member {number} protocolVersion
             * @memberof vmha.v1.JoinRequest
             * @instance
             */
            JoinRequest.prototype.protocolVersion = 0;

            /**
             * JoinRequest vmId.
             * @member {string} vmId
             * @memberof vmha.v1.JoinRequest
             * @instance
             */
            JoinRequest.prototype.vmId = "";

            /**
             * JoinRequest backup.
             * @member {string} backup
             * @memberof vmha.v1.JoinRequest
             * @instance
             */
            JoinRequest.prototype.backup = "";

            /**
             * JoinRequest leaseRevision.
             * @member {number} leaseRevision
             * @memberof vmha.v1.JoinRequest
             * @instance
             */
            JoinRequest.prototype.leaseRevision = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Creates a new JoinRequest instance using the specified properties.
             * @function create
             * @memberof vmha.v1.JoinRequest
             * @static
             * @param {vmha.v1.JoinRequest.$Properties=} [properties] Properties to set
             * @returns {vmha.v1.JoinRequest} JoinRequest instance
             * @type {{
             *   (properties: vmha.v1.JoinRequest.$Shape): vmha.v1.JoinRequest & vmha.v1.JoinRequest.$Shape;
             *   (properties?: vmha.v1.JoinRequest.$Properties): vmha.v1.JoinRequest;
             * }}
             */
            JoinRequest.create = function(properties) {
                return new JoinRequest(properties);
            };

            /**
             * Encodes the specified JoinRequest message. Does not implicitly {@link vmha.v1.JoinRequest.verify|verify} messages.
             * @function encode
             * @memberof vmha.v1.JoinRequest
             * @static
             * @param {vmha.v1.JoinRequest.$Properties} message JoinRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            JoinRequest.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.protocolVersion != null && $Object.hasOwnProperty.call(message, "protocolVersion") && message.protocolVersion !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.protocolVersion);
                if (message.vmId != null && $Object.hasOwnProperty.call(message, "vmId") && message.vmId !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.vmId);
                if (message.backup != null && $Object.hasOwnProperty.call(message, "backup") && message.backup !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.backup);
                if (message.leaseRevision != null && $Object.hasOwnProperty.call(message, "leaseRevision") && (typeof message.leaseRevision === "object" ? message.leaseRevision.low || message.leaseRevision.high : message.leaseRevision !== 0))
                    writer.uint32(/* id 4, wireType 0 =*/32).uint64(message.leaseRevision);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a JoinRequest message from the specified reader or buffer.
             * @function decode
             * @memberof vmha.v1.JoinRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {vmha.v1.JoinRequest & vmha.v1.JoinRequest.$Shape} JoinRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            JoinRequest.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.vmha.v1.JoinRequest();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.protocolVersion = value;
                            else
                                delete message.protocolVersion;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.vmId = value;
                            else
                                delete message.vmId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.backup = value;
                            else
                                delete message.backup;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.leaseRevision = value;
                            else
                                delete message.leaseRevision;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Verifies a JoinRequest message.
             * @function verify
             * @memberof vmha.v1.JoinRequest
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            JoinRequest.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.protocolVersion != null && $Object.hasOwnProperty.call(message, "protocolVersion"))
                    if (!$util.isInteger(message.protocolVersion))
                        return "protocolVersion: integer expected";
                if (message.vmId != null && $Object.hasOwnProperty.call(message, "vmId"))
                    if (!$util.isString(message.vmId))
                        return "vmId: string expected";
                if (message.backup != null && $Object.hasOwnProperty.call(message, "backup"))
                    if (!$util.isString(message.backup))
                        return "backup: string expected";
                if (message.leaseRevision != null && $Object.hasOwnProperty.call(message, "leaseRevision"))
                    if (!$util.isInteger(message.leaseRevision) && !(message.leaseRevision && $util.isInteger(message.leaseRevision.low) && $util.isInteger(message.leaseRevision.high)))
                        return "leaseRevision: integer|Long expected";
                return null;
            };

            /**
             * Creates a JoinRequest message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof vmha.v1.JoinRequest
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {vmha.v1.JoinRequest} JoinRequest
             */
            JoinRequest.fromObject = function (object, _depth) {
                if (object instanceof $root.vmha.v1.JoinRequest)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".vmha.v1.JoinRequest: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.vmha.v1.JoinRequest();
                if (object.protocolVersion != null)
                    if ($Number(object.protocolVersion) !== 0)
                        message.protocolVersion = object.protocolVersion >>> 0;
                if (object.vmId != null)
                    if (typeof object.vmId !== "string" || object.vmId.length)
                        message.vmId = $String(object.vmId);
                if (object.backup != null)
                    if (typeof object.backup !== "string" || object.backup.length)
                        message.backup = $String(object.backup);
                if (object.leaseRevision != null)
                    if (typeof object.leaseRevision === "object" ? object.leaseRevision.low || object.leaseRevision.high : $Number(object.leaseRevision) !== 0)
                        if ($util.Long)
                            message.leaseRevision = $util.Long.fromValue(object.leaseRevision, true);
                        else if (typeof object.leaseRevision === "string")
                            message.leaseRevision = $parseInt(object.leaseRevision, 10);
                        else if (typeof object.leaseRevision === "number")
                            message.leaseRevision = object.leaseRevision;
                        else if (typeof object.leaseRevision === "object")
                            message.leaseRevision = new $util.LongBits(object.leaseRevision.low >>> 0, object.leaseRevision.high >>> 0).toNumber(true);
                return message;
            };

            /**
             * Creates a plain object from a JoinRequest message. Also converts values to other types if specified.
             * @function toObject
             * @memberof vmha.v1.JoinRequest
             * @static
             * @param {vmha.v1.JoinRequest} message JoinRequest
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            JoinRequest.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.protocolVersion = 0;
                    object.vmId = "";
                    object.backup = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.leaseRevision = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.leaseRevision = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (message.protocolVersion != null && $Object.hasOwnProperty.call(message, "protocolVersion"))
                    object.protocolVersion = message.protocolVersion;
                if (message.vmId != null && $Object.hasOwnProperty.call(message, "vmId"))
                    object.vmId = message.vmId;
                if (message.backup != null && $Object.hasOwnProperty.call(message, "backup"))
                    object.backup = message.backup;
                if (message.leaseRevision != null && $Object.hasOwnProperty.call(message, "leaseRevision"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.leaseRevision = typeof message.leaseRevision === "number" ? $BigInt(message.leaseRevision) : $util.Long.fromBits(message.leaseRevision.low >>> 0, message.leaseRevision.high >>> 0, true).toBigInt();
                    else if (typeof message.leaseRevision === "number")
                        object.leaseRevision = options.longs === $String ? $String(message.leaseRevision) : message.leaseRevision;
                    else
                        object.leaseRevision = options.longs === $String ? $util.Long.prototype.toString.call(message.leaseRevision) : options.longs === $Number ? new $util.LongBits(message.leaseRevision.low >>> 0, message.leaseRevision.high >>> 0).toNumber(true) : message.leaseRevision;
                return object;
            };

            /**
             * Converts this JoinRequest to JSON.
             * @function toJSON
             * @memberof vmha.v1.JoinRequest
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            JoinRequest.prototype.toJSON = function() {
                return JoinRequest.toObject(this, $protobuf.util.toJSONOptions);
            };

            return JoinRequest;
        })();

        v1.JoinReply = (function() {

            /**
             * Properties of a JoinReply.
             * @typedef {Object} vmha.v1.JoinReply.$Properties
             * @property {number|null} [protocolVersion] JoinReply protocolVersion
             * @property {string|null} [vmId] JoinReply vmId
             * @property {boolean|null} [accepted] JoinReply accepted
             * @property {string|null} [reason] JoinReply reason
             * @property {string|null} [streamId] JoinReply streamId
             * @property {string|null} [primary] JoinReply primary
             * @property {number|null} [leaseRevision] JoinReply leaseRevision
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a JoinReply.
             * @memberof vmha.v1
             * @interface IJoinReply
             * @augments vmha.v1.JoinReply.$Properties
             * @deprecated Use vmha.v1.JoinReply.$Properties instead.
             */

            /**
             * Shape of a JoinReply.
             * @typedef {vmha.v1.JoinReply.$Properties} vmha.v1.JoinReply.$Shape
             */

            /**
             * Constructs a new JoinReply.
             * @memberof vmha.v1
             * @classdesc Represents a JoinReply.
             * @constructor
             * @param {vmha.v1.JoinReply.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const JoinReply = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * JoinReply protocolVersion.
             * @member {number} protocolVersion
             * @memberof vmha.v1.JoinReply
             * @instance
             */
            JoinReply.prototype.protocolVersion = 0;

            /**
             * JoinReply vmId.
             * @member {string} vmId
             * @memberof vmha.v1.JoinReply
             * @instance
             */
            JoinReply.prototype.vmId = "";

            /**
             * JoinReply accepted.
             * @member {boolean} accepted
             * @memberof vmha.v1.JoinReply
             * @instance
             */
            JoinReply.prototype.accepted = false;

            /**
             * JoinReply reason.
             * @member {string} reason
             * @memberof vmha.v1.JoinReply
             * @instance
             */
            JoinReply.prototype.reason = "";

            /**
             * JoinReply streamId.
             * @member {string} streamId
             * @memberof vmha.v1.JoinReply
             * @instance
             */
            JoinReply.prototype.streamId = "";

            /**
             * JoinReply primary.
             * @member {string} primary
             * @memberof vmha.v1.JoinReply
             * @instance
             */
            JoinReply.prototype.primary = "";

            /**
             * JoinReply leaseRevision.
             * @member {number} leaseRevision
             * @memberof vmha.v1.JoinReply
             * @instance
             */
            JoinReply.prototype.leaseRevision = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Creates a new JoinReply instance using the specified properties.
             * @function create
             * @memberof vmha.v1.JoinReply
             * @static
             * @param {vmha.v1.JoinReply.$Properties=} [properties] Properties to set
             * @returns {vmha.v1.JoinReply} JoinReply instance
             * @type {{
             *   (properties: vmha.v1.JoinReply.$Shape): vmha.v1.JoinReply & vmha.v1.JoinReply.$Shape;
             *   (properties?: vmha.v1.JoinReply.$Properties): vmha.v1.JoinReply;
             * }}
             */
            JoinReply.create = function(properties) {
                return new JoinReply(properties);
            };

            /**
             * Encodes the specified JoinReply message. Does not implicitly {@link vmha.v1.JoinReply.verify|verify} messages.
             * @function encode
             * @memberof vmha.v1.JoinReply
             * @static
             * @param {vmha.v1.JoinReply.$Properties} message JoinReply message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            JoinReply.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.protocolVersion != null && $Object.hasOwnProperty.call(message, "protocolVersion") && message.protocolVersion !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.protocolVersion);
                if (message.vmId != null && $Object.hasOwnProperty.call(message, "vmId") && message.vmId !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.vmId);
                if (message.accepted != null && $Object.hasOwnProperty.call(message, "accepted") && message.accepted !== false)
                    writer.uint32(/* id 3, wireType 0 =*/24).bool(message.accepted);
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason") && message.reason !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.reason);
                if (message.streamId != null && $Object.hasOwnProperty.call(message, "streamId") && message.streamId !== "")
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.streamId);
                if (message.primary != null && $Object.hasOwnProperty.call(message, "primary") && message.primary !== "")
                    writer.uint32(/* id 6, wireType 2 =*/50).string(message.primary);
                if (message.leaseRevision != null && $Object.hasOwnProperty.call(message, "leaseRevision") && (typeof message.leaseRevision === "object" ? message.leaseRevision.low || message.leaseRevision.high : message.leaseRevision !== 0))
                    writer.uint32(/* id 7, wireType 0 =*/56).uint64(message.leaseRevision);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a JoinReply message from the specified reader or buffer.
             * @function decode
             * @memberof vmha.v1.JoinReply
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {vmha.v1.JoinReply & vmha.v1.JoinReply.$Shape} JoinReply
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            JoinReply.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.vmha.v1.JoinReply();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.protocolVersion = value;
                            else
                                delete message.protocolVersion;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.vmId = value;
                            else
                                delete message.vmId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.accepted = value;
                            else
                                delete message.accepted;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.reason = value;
                            else
                                delete message.reason;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.streamId = value;
                            else
                                delete message.streamId;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.primary = value;
                            else
                                delete message.primary;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.leaseRevision = value;
                            else
                                delete message.leaseRevision;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Verifies a JoinReply message.
             * @function verify
             * @memberof vmha.v1.JoinReply
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            JoinReply.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.protocolVersion != null && $Object.hasOwnProperty.call(message, "protocolVersion"))
                    if (!$util.isInteger(message.protocolVersion))
                        return "protocolVersion: integer expected";
                if (message.vmId != null && $Object.hasOwnProperty.call(message, "vmId"))
                    if (!$util.isString(message.vmId))
                        return "vmId: string expected";
                if (message.accepted != null && $Object.hasOwnProperty.call(message, "accepted"))
                    if (typeof message.accepted !== "boolean")
                        return "accepted: boolean expected";
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason"))
                    if (!$util.isString(message.reason))
                        return "reason: string expected";
                if (message.streamId != null && $Object.hasOwnProperty.call(message, "streamId"))
                    if (!$util.isString(message.streamId))
                        return "streamId: string expected";
                if (message.primary != null && $Object.hasOwnProperty.call(message, "primary"))
                    if (!$util.isString(message.primary))
                        return "primary: string expected";
                if (message.leaseRevision != null && $Object.hasOwnProperty.call(message, "leaseRevision"))
                    if (!$util.isInteger(message.leaseRevision) && !(message.leaseRevision && $util.isInteger(message.leaseRevision.low) && $util.isInteger(message.leaseRevision.high)))
                        return "leaseRevision: integer|Long expected";
                return null;
            };

            /**
             * Creates a JoinReply message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof vmha.v1.JoinReply
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {vmha.v1.JoinReply} JoinReply
             */
            JoinReply.fromObject = function (object, _depth) {
                if (object instanceof $root.vmha.v1.JoinReply)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".vmha.v1.JoinReply: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.vmha.v1.JoinReply();
                if (object.protocolVersion != null)
                    if ($Number(object.protocolVersion) !== 0)
                        message.protocolVersion = object.protocolVersion >>> 0;
                if (object.vmId != null)
                    if (typeof object.vmId !== "string" || object.vmId.length)
                        message.vmId = $String(object.vmId);
                if (object.accepted != null)
                    if (object.accepted)
                        message.accepted = $Boolean(object.accepted);
                if (object.reason != null)
                    if (typeof object.reason !== "string" || object.reason.length)
                        message.reason = $String(object.reason);
                if (object.streamId != null)
                    if (typeof object.streamId !== "string" || object.streamId.length)
                        message.streamId = $String(object.streamId);
                if (object.primary != null)
                    if (typeof object.primary !== "string" || object.primary.length)
                        message.primary = $String(object.primary);
                if (object.leaseRevision != null)
                    if (typeof object.leaseRevision === "object" ? object.leaseRevision.low || object.leaseRevision.high : $Number(object.leaseRevision) !== 0)
                        if ($util.Long)
                            message.leaseRevision = $util.Long.fromValue(object.leaseRevision, true);
                        else if (typeof object.leaseRevision === "string")
                            message.leaseRevision = $parseInt(object.leaseRevision, 10);
                        else if (typeof object.leaseRevision === "number")
                            message.leaseRevision = object.leaseRevision;
                        else if (typeof object.leaseRevision === "object")
                            message.leaseRevision = new $util.LongBits(object.leaseRevision.low >>> 0, object.leaseRevision.high >>> 0).toNumber(true);
                return message;
            };

            /**
             * Creates a plain object from a JoinReply message. Also converts values to other types if specified.
             * @function toObject
             * @memberof vmha.v1.JoinReply
             * @static
             * @param {vmha.v1.JoinReply} message JoinReply
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            JoinReply.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.protocolVersion = 0;
                    object.vmId = "";
                    object.accepted = false;
                    object.reason = "";
                    object.streamId = "";
                    object.primary = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.leaseRevision = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.leaseRevision = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (message.protocolVersion != null && $Object.hasOwnProperty.call(message, "protocolVersion"))
                    object.protocolVersion = message.protocolVersion;
                if (message.vmId != null && $Object.hasOwnProperty.call(message, "vmId"))
                    object.vmId = message.vmId;
                if (message.accepted != null && $Object.hasOwnProperty.call(message, "accepted"))
                    object.accepted = message.accepted;
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason"))
                    object.reason = message.reason;
                if (message.streamId != null && $Object.hasOwnProperty.call(message, "streamId"))
                    object.streamId = message.streamId;
                if (message.primary != null && $Object.hasOwnProperty.call(message, "primary"))
                    object.primary = message.primary;
                if (message.leaseRevision != null && $Object.hasOwnProperty.call(message, "leaseRevision"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.leaseRevision = typeof message.leaseRevision === "number" ? $BigInt(message.leaseRevision) : $util.Long.fromBits(message.leaseRevision.low >>> 0, message.leaseRevision.high >>> 0, true).toBigInt();
                    else if (typeof message.leaseRevision === "number")
                        object.leaseRevision = options.longs === $String ? $String(message.leaseRevision) : message.leaseRevision;
                    else
                        object.leaseRevision = options.longs === $String ? $util.Long.prototype.toString.call(message.leaseRevision) : options.longs === $Number ? new $util.LongBits(message.leaseRevision.low >>> 0, message.leaseRevision.high >>> 0).toNumber(true) : message.leaseRevision;
                return object;
            };

            /**
             * Converts this JoinReply to JSON.
             * @function toJSON
             * @memberof vmha.v1.JoinReply
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            JoinReply.prototype.toJSON = function() {
                return JoinReply.toObject(this, $protobuf.util.toJSONOptions);
            };

            return JoinReply;
        })();

        /**
         * EpochEvent enum.
         * @name vmha.v1.EpochEvent
         * @enum {number}
         * @property {number} EPOCH_EVENT_UNSPECIFIED=0 EPOCH_EVENT_UNSPECIFIED value
         * @property {number} EPOCH_EVENT_SENT=1 EPOCH_EVENT_SENT value
         * @property {number} EPOCH_EVENT_ACKED=2 EPOCH_EVENT_ACKED value
         * @property {number} EPOCH_EVENT_ACTIVATED=3 EPOCH_EVENT_ACTIVATED value
         * @property {number} EPOCH_EVENT_REJECTED=4 EPOCH_EVENT_REJECTED value
         */
        v1.EpochEvent = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "EPOCH_EVENT_UNSPECIFIED"] = 0;
            values[valuesById[1] = "EPOCH_EVENT_SENT"] = 1;
            values[valuesById[2] = "EPOCH_EVENT_ACKED"] = 2;
            values[valuesById[3] = "EPOCH_EVENT_ACTIVATED"] = 3;
            values[valuesById[4] = "EPOCH_EVENT_REJECTED"] = 4;
            return values;
        })();

        v1.EpochReport = (function() {

            /**
             * Properties of an EpochReport.
             * @typedef {Object} vmha.v1.EpochReport.$Properties
             * @property {number|null} [protocolVersion] EpochReport protocolVersion
             * @property {string|null} [vmId] EpochReport vmId
             * @property {string|null} [sender] EpochReport sender
             * @property {string|null} [streamId] EpochReport streamId
             * @property {number|null} [epoch] EpochReport epoch
             * @property {vmha.v1.EpochEvent|null} [event] EpochReport event
             * @property {string|null} [stateDigest] EpochReport stateDigest
             * @property {number|null} [leaseRevision] EpochReport leaseRevision
             * @property {string|null} [detail] EpochReport detail
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an EpochReport.
             * @memberof vmha.v1
             * @interface IEpochReport
             * @augments vmha.v1.EpochReport.$Properties
             * @deprecated Use vmha.v1.EpochReport.$Properties instead.
             */

            /**
             * Shape of an EpochReport.
             * @typedef {vmha.v1.EpochReport.$Properties} vmha.v1.EpochReport.$Shape
             */

            /**
             * Constructs a new EpochReport.
             * @memberof vmha.v1
             * @classdesc Represents an EpochReport.
             * @constructor
             * @param {vmha.v1.EpochReport.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const EpochReport = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * EpochReport protocolVersion.
             * @member {number} protocolVersion
             * @memberof vmha.v1.EpochReport
             * @instance
             */
            EpochReport.prototype.protocolVersion = 0;

            /**
             * EpochReport vmId.
             * @member {string} vmId
             * @memberof vmha.v1.EpochReport
             * @instance
             */
            EpochReport.prototype.vmId = "";

            /**
             * EpochReport sender.
             * @member {string} sender
             * @memberof vmha.v1.EpochReport
             * @instance
             */
            EpochReport.prototype.sender = "";

            /**
             * EpochReport streamId.
             * @member {string} streamId
             * @memberof vmha.v1.EpochReport
             * @instance
             */
            EpochReport.prototype.streamId = "";

            /**
             * EpochReport epoch.
             * @member {number} epoch
             * @memberof vmha.v1.EpochReport
             * @instance
             */
            EpochReport.prototype.epoch = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * EpochReport event.
             * @member {vmha.v1.EpochEvent} event
             * @memberof vmha.v1.EpochReport
             * @instance
             */
            EpochReport.prototype.event = 0;

            /**
             * EpochReport stateDigest.
             * @member {string} stateDigest
             * @memberof vmha.v1.EpochReport
             * @instance
             */
            EpochReport.prototype.stateDigest = "";

            /**
             * EpochReport leaseRevision.
             * @member {number} leaseRevision
             * @memberof vmha.v1.EpochReport
             * @instance
             */
            EpochReport.prototype.leaseRevision = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * EpochReport detail.
             * @member {string} detail
             * @memberof vmha.v1.EpochReport
             * @instance
             */
            EpochReport.prototype.detail = "";

            /**
             * Creates a new EpochReport instance using the specified properties.
             * @function create
             * @memberof vmha.v1.EpochReport
             * @static
             * @param {vmha.v1.EpochReport.$Properties=} [properties] Properties to set
             * @returns {vmha.v1.EpochReport} EpochReport instance
             * @type {{
             *   (properties: vmha.v1.EpochReport.$Shape): vmha.v1.EpochReport & vmha.v1.EpochReport.$Shape;
             *   (properties?: vmha.v1.EpochReport.$Properties): vmha.v1.EpochReport;
             * }}
             */
            EpochReport.create = function(properties) {
                return new EpochReport(properties);
            };

            /**
             * Encodes the specified EpochReport message. Does not implicitly {@link vmha.v1.EpochReport.verify|verify} messages.
             * @function encode
             * @memberof vmha.v1.EpochReport
             * @static
             * @param {vmha.v1.EpochReport.$Properties} message EpochReport message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            EpochReport.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.protocolVersion != null && $Object.hasOwnProperty.call(message, "protocolVersion") && message.protocolVersion !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.protocolVersion);
                if (message.vmId != null && $Object.hasOwnProperty.call(message, "vmId") && message.vmId !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.vmId);
                if (message.sender != null && $Object.hasOwnProperty.call(message, "sender") && message.sender !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.sender);
                if (message.streamId != null && $Object.hasOwnProperty.call(message, "streamId") && message.streamId !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.streamId);
                if (message.epoch != null && $Object.hasOwnProperty.call(message, "epoch") && (typeof message.epoch === "object" ? message.epoch.low || message.epoch.high : message.epoch !== 0))
                    writer.uint32(/* id 5, wireType 0 =*/40).uint64(message.epoch);
                if (message.event != null && $Object.hasOwnProperty.call(message, "event") && message.event !== 0)
                    writer.uint32(/* id 6, wireType 0 =*/48).int32(message.event);
                if (message.stateDigest != null && $Object.hasOwnProperty.call(message, "stateDigest") && message.stateDigest !== "")
                    writer.uint32(/* id 7, wireType 2 =*/58).string(message.stateDigest);
                if (message.leaseRevision != null && $Object.hasOwnProperty.call(message, "leaseRevision") && (typeof message.leaseRevision === "object" ? message.leaseRevision.low || message.leaseRevision.high : message.leaseRevision !== 0))
                    writer.uint32(/* id 8, wireType 0 =*/64).uint64(message.leaseRevision);
                if (message.detail != null && $Object.hasOwnProperty.call(message, "detail") && message.detail !== "")
                    writer.uint32(/* id 9, wireType 2 =*/74).string(message.detail);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes an EpochReport message from the specified reader or buffer.
             * @function decode
             * @memberof vmha.v1.EpochReport
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {vmha.v1.EpochReport & vmha.v1.EpochReport.$Shape} EpochReport
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            EpochReport.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.vmha.v1.EpochReport();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.protocolVersion = value;
                            else
                                delete message.protocolVersion;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.vmId = value;
                            else
                                delete message.vmId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.sender = value;
                            else
                                delete message.sender;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.streamId = value;
                            else
                                delete message.streamId;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.epoch = value;
                            else
                                delete message.epoch;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.event = value;
                            else
                                delete message.event;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.stateDigest = value;
                            else
                                delete message.stateDigest;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.leaseRevision = value;
                            else
                                delete message.leaseRevision;
                            continue;
                        }
                    case 9: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.detail = value;
                            else
                                delete message.detail;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Verifies an EpochReport message.
             * @function verify
             * @memberof vmha.v1.EpochReport
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            EpochReport.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.protocolVersion != null && $Object.hasOwnProperty.call(message, "protocolVersion"))
                    if (!$util.isInteger(message.protocolVersion))
                        return "protocolVersion: integer expected";
                if (message.vmId != null && $Object.hasOwnProperty.call(message, "vmId"))
                    if (!$util.isString(message.vmId))
                        return "vmId: string expected";
                if (message.sender != null && $Object.hasOwnProperty.call(message, "sender"))
                    if (!$util.isString(message.sender))
                        return "sender: string expected";
                if (message.streamId != null && $Object.hasOwnProperty.call(message, "streamId"))
                    if (!$util.isString(message.streamId))
                        return "streamId: string expected";
                if (message.epoch != null && $Object.hasOwnProperty.call(message, "epoch"))
                    if (!$util.isInteger(message.epoch) && !(message.epoch && $util.isInteger(message.epoch.low) && $util.isInteger(message.epoch.high)))
                        return "epoch: integer|Long expected";
                if (message.event != null && $Object.hasOwnProperty.call(message, "event"))
                    if (typeof message.event !== "number" || (message.event | 0) !== message.event)
                        return "event: enum value expected";
                if (message.stateDigest != null && $Object.hasOwnProperty.call(message, "stateDigest"))
                    if (!$util.isString(message.stateDigest))
                        return "stateDigest: string expected";
                if (message.leaseRevision != null && $Object.hasOwnProperty.call(message, "leaseRevision"))
                    if (!$util.isInteger(message.leaseRevision) && !(message.leaseRevision && $util.isInteger(message.leaseRevision.low) && $util.isInteger(message.leaseRevision.high)))
                        return "leaseRevision: integer|Long expected";
                if (message.detail != null && $Object.hasOwnProperty.call(message, "detail"))
                    if (!$util.isString(message.detail))
                        return "detail: string expected";
                return null;
            };

            /**
             * Creates an EpochReport message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof vmha.v1.EpochReport
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {vmha.v1.EpochReport} EpochReport
             */
            EpochReport.fromObject = function (object, _depth) {
                if (object instanceof $root.vmha.v1.EpochReport)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".vmha.v1.EpochReport: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.vmha.v1.EpochReport();
                if (object.protocolVersion != null)
                    if ($Number(object.protocolVersion) !== 0)
                        message.protocolVersion = object.protocolVersion >>> 0;
                if (object.vmId != null)
                    if (typeof object.vmId !== "string" || object.vmId.length)
                        message.vmId = $String(object.vmId);
                if (object.sender != null)
                    if (typeof object.sender !== "string" || object.sender.length)
                        message.sender = $String(object.sender);
                if (object.streamId != null)
                    if (typeof object.streamId !== "string" || object.streamId.length)
                        message.streamId = $String(object.streamId);
                if (object.epoch != null)
                    if (typeof object.epoch === "object" ? object.epoch.low || object.epoch.high : $Number(object.epoch) !== 0)
                        if ($util.Long)
                            message.epoch = $util.Long.fromValue(object.epoch, true);
                        else if (typeof object.epoch === "string")
                            message.epoch = $parseInt(object.epoch, 10);
                        else if (typeof object.epoch === "number")
                            message.epoch = object.epoch;
                        else if (typeof object.epoch === "object")
                            message.epoch = new $util.LongBits(object.epoch.low >>> 0, object.epoch.high >>> 0).toNumber(true);
                if (object.event !== 0 && (typeof object.event !== "string" || $root.vmha.v1.EpochEvent[object.event] !== 0))
                    switch (object.event) {
                    case "EPOCH_EVENT_UNSPECIFIED":
                    case 0:
                        message.event = 0;
                        break;
                    case "EPOCH_EVENT_SENT":
                    case 1:
                        message.event = 1;
                        break;
                    case "EPOCH_EVENT_ACKED":
                    case 2:
                        message.event = 2;
                        break;
                    case "EPOCH_EVENT_ACTIVATED":
                    case 3:
                        message.event = 3;
                        break;
                    case "EPOCH_EVENT_REJECTED":
                    case 4:
                        message.event = 4;
                        break;
                    default:
                        if (typeof object.event === "number" && (object.event | 0) === object.event)
                            message.event = object.event;
                    }
                if (object.stateDigest != null)
                    if (typeof object.stateDigest !== "string" || object.stateDigest.length)
                        message.stateDigest = $String(object.stateDigest);
                if (object.leaseRevision != null)
                    if (typeof object.leaseRevision === "object" ? object.leaseRevision.low || object.leaseRevision.high : $Number(object.leaseRevision) !== 0)
                        if ($util.Long)
                            message.leaseRevision = $util.Long.fromValue(object.leaseRevision, true);
                        else if (typeof object.leaseRevision === "string")
                            message.leaseRevision = $parseInt(object.leaseRevision, 10);
                        else if (typeof object.leaseRevision === "number")
                            message.leaseRevision = object.leaseRevision;
                        else if (typeof object.leaseRevision === "object")
                            message.leaseRevision = new $util.LongBits(object.leaseRevision.low >>> 0, object.leaseRevision.high >>> 0).toNumber(true);
                if (object.detail != null)
                    if (typeof object.detail !== "string" || object.detail.length)
                        message.detail = $String(object.detail);
                return message;
            };

            /**
             * Creates a plain object from an EpochReport message. Also converts values to other types if specified.
             * @function toObject
             * @memberof vmha.v1.EpochReport
             * @static
             * @param {vmha.v1.EpochReport} message EpochReport
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            EpochReport.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.protocolVersion = 0;
                    object.vmId = "";
                    object.sender = "";
                    object.streamId = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.epoch = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.epoch = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.event = options.enums === $String ? "EPOCH_EVENT_UNSPECIFIED" : 0;
                    object.stateDigest = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.leaseRevision = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.leaseRevision = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.detail = "";
                }
                if (message.protocolVersion != null && $Object.hasOwnProperty.call(message, "protocolVersion"))
                    object.protocolVersion = message.protocolVersion;
                if (message.vmId != null && $Object.hasOwnProperty.call(message, "vmId"))
                    object.vmId = message.vmId;
                if (message.sender != null && $Object.hasOwnProperty.call(message, "sender"))
                    object.sender = message.sender;
                if (message.streamId != null && $Object.hasOwnProperty.call(message, "streamId"))
                    object.streamId = message.streamId;
                if (message.epoch != null && $Object.hasOwnProperty.call(message, "epoch"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.epoch = typeof message.epoch === "number" ? $BigInt(message.epoch) : $util.Long.fromBits(message.epoch.low >>> 0, message.epoch.high >>> 0, true).toBigInt();
                    else if (typeof message.epoch === "number")
                        object.epoch = options.longs === $String ? $String(message.epoch) : message.epoch;
                    else
                        object.epoch = options.longs === $String ? $util.Long.prototype.toString.call(message.epoch) : options.longs === $Number ? new $util.LongBits(message.epoch.low >>> 0, message.epoch.high >>> 0).toNumber(true) : message.epoch;
                if (message.event != null && $Object.hasOwnProperty.call(message, "event"))
                    object.event = options.enums === $String ? $root.vmha.v1.EpochEvent[message.event] === $undefined ? message.event : $root.vmha.v1.EpochEvent[message.event] : message.event;
                if (message.stateDigest != null && $Object.hasOwnProperty.call(message, "stateDigest"))
                    object.stateDigest = message.stateDigest;
                if (message.leaseRevision != null && $Object.hasOwnProperty.call(message, "leaseRevision"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.leaseRevision = typeof message.leaseRevision === "number" ? $BigInt(message.leaseRevision) : $util.Long.fromBits(message.leaseRevision.low >>> 0, message.leaseRevision.high >>> 0, true).toBigInt();
                    else if (typeof message.leaseRevision === "number")
                        object.leaseRevision = options.longs === $String ? $String(message.leaseRevision) : message.leaseRevision;
                    else
                        object.leaseRevision = options.longs === $String ? $util.Long.prototype.toString.call(message.leaseRevision) : options.longs === $Number ? new $util.LongBits(message.leaseRevision.low >>> 0, message.leaseRevision.high >>> 0).toNumber(true) : message.leaseRevision;
                if (message.detail != null && $Object.hasOwnProperty.call(message, "detail"))
                    object.detail = message.detail;
                return object;
            };

            /**
             * Converts this EpochReport to JSON.
             * @function toJSON
             * @memberof vmha.v1.EpochReport
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            EpochReport.prototype.toJSON = function() {
                return EpochReport.toObject(this, $protobuf.util.toJSONOptions);
            };

            return EpochReport;
        })();

        v1.HandoverRequest = (function() {

            /**
             * Properties of a HandoverRequest.
             * @typedef {Object} vmha.v1.HandoverRequest.$Properties
             * @property {number|null} [protocolVersion] HandoverRequest protocolVersion
             * @property {string|null} [vmId] HandoverRequest vmId
             * @property {string|null} [requestedBy] HandoverRequest requestedBy
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a HandoverRequest.
             * @memberof vmha.v1
             * @interface IHandoverRequest
             * @augments vmha.v1.HandoverRequest.$Properties
             * @deprecated Use vmha.v1.HandoverRequest.$Properties instead.
             */

            /**
             * Shape of a HandoverRequest.
             * @typedef {vmha.v1.HandoverRequest.$Properties} vmha.v1.HandoverRequest.$Shape
             */

            /**
             * Constructs a new HandoverRequest.
             * @memberof vmha.v1
             * @classdesc Represents a HandoverRequest.
             * @constructor
             * @param {vmha.v1.HandoverRequest.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const HandoverRequest = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * HandoverRequest protocolVersion.
             * @member {number} protocolVersion
             * @memberof vmha.v1.HandoverRequest
             * @instance
             */
            HandoverRequest.prototype.protocolVersion = 0;

            /**
             * HandoverRequest vmId.
             * @member {string} vmId
             * @memberof vmha.v1.HandoverRequest
             * @instance
             */
            HandoverRequest.prototype.vmId = "";

            /**
             * HandoverRequest requestedBy.
             * @member {string} requestedBy
             * @memberof vmha.v1.HandoverRequest
             * @instance
             */
            HandoverRequest.prototype.requestedBy = "";

            /**
             * Creates a new HandoverRequest instance using the specified properties.
             * @function create
             * @memberof vmha.v1.HandoverRequest
             * @static
             * @param {vmha.v1.HandoverRequest.$Properties=} [properties] Properties to set
             * @returns {vmha.v1.HandoverRequest} HandoverRequest instance
             * @type {{
             *   (properties: vmha.v1.HandoverRequest.$Shape): vmha.v1.HandoverRequest & vmha.v1.HandoverRequest.$Shape;
             *   (properties?: vmha.v1.HandoverRequest.$Properties): vmha.v1.HandoverRequest;
             * }}
             */
            HandoverRequest.create = function(properties) {
                return new HandoverRequest(properties);
            };

            /**
             * Encodes the specified HandoverRequest message. Does not implicitly {@link vmha.v1.HandoverRequest.verify|verify} messages.
             * @function encode
             * @memberof vmha.v1.HandoverRequest
             * @static
             * @param {vmha.v1.HandoverRequest.$Properties} message HandoverRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            HandoverRequest.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.protocolVersion != null && $Object.hasOwnProperty.call(message, "protocolVersion") && message.protocolVersion !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.protocolVersion);
                if (message.vmId != null && $Object.hasOwnProperty.call(message, "vmId") && message.vmId !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.vmId);
                if (message.requestedBy != null && $Object.hasOwnProperty.call(message, "requestedBy") && message.requestedBy !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.requestedBy);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a HandoverRequest message from the specified reader or buffer.
             * @function decode
             * @memberof vmha.v1.HandoverRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {vmha.v1.HandoverRequest & vmha.v1.HandoverRequest.$Shape} HandoverRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            HandoverRequest.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.vmha.v1.HandoverRequest();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.protocolVersion = value;
                            else
                                delete message.protocolVersion;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.vmId = value;
                            else
                                delete message.vmId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.requestedBy = value;
                            else
                                delete message.requestedBy;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Verifies a HandoverRequest message.
             * @function verify
             * @memberof vmha.v1.HandoverRequest
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            HandoverRequest.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.protocolVersion != null && $Object.hasOwnProperty.call(message, "protocolVersion"))
                    if (!$util.isInteger(message.protocolVersion))
                        return "protocolVersion: integer expected";
                if (message.vmId != null && $Object.hasOwnProperty.call(message, "vmId"))
                    if (!$util.isString(message.vmId))
                        return "vmId: string expected";
                if (message.requestedBy != null && $Object.hasOwnProperty.call(message, "requestedBy"))
                    if (!$util.isString(message.requestedBy))
                        return "requestedBy: string expected";
                return null;
            };

            /**
             * Creates a HandoverRequest message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof vmha.v1.HandoverRequest
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {vmha.v1.HandoverRequest} HandoverRequest
             */
            HandoverRequest.fromObject = function (object, _depth) {
                if (object instanceof $root.vmha.v1.HandoverRequest)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".vmha.v1.HandoverRequest: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.vmha.v1.HandoverRequest();
                if (object.protocolVersion != null)
                    if ($Number(object.protocolVersion) !== 0)
                        message.protocolVersion = object.protocolVersion >>> 0;
                if (object.vmId != null)
                    if (typeof object.vmId !== "string" || object.vmId.length)
                        message.vmId = $String(object.vmId);
                if (object.requestedBy != null)
                    if (typeof object.requestedBy !== "string" || object.requestedBy.length)
                        message.requestedBy = $String(object.requestedBy);
                return message;
            };

            /**
             * Creates a plain object from a HandoverRequest message. Also converts values to other types if specified.
             * @function toObject
             * @memberof vmha.v1.HandoverRequest
             * @static
             * @param {vmha.v1.HandoverRequest} message HandoverRequest
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            HandoverRequest.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.protocolVersion = 0;
                    object.vmId = "";
                    object.requestedBy = "";
                }
                if (message.protocolVersion != null && $Object.hasOwnProperty.call(message, "protocolVersion"))
                    object.protocolVersion = message.protocolVersion;
                if (message.vmId != null && $Object.hasOwnProperty.call(message, "vmId"))
                    object.vmId = message.vmId;
                if (message.requestedBy != null && $Object.hasOwnProperty.call(message, "requestedBy"))
                    object.requestedBy = message.requestedBy;
                return object;
            };

            /**
             * Converts this HandoverRequest to JSON.
             * @function toJSON
             * @memberof vmha.v1.HandoverRequest
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            HandoverRequest.prototype.toJSON = function() {
                return HandoverRequest.toObject(this, $protobuf.util.toJSONOptions);
            };

            return HandoverRequest;
        })();

        v1.HandoverReply = (function() {

            /**
             * Properties of a HandoverReply.
             * @typedef {Object} vmha.v1.HandoverReply.$Properties
             * @property {number|null} [protocolVersion] HandoverReply protocolVersion
             * @property {string|null} [vmId] HandoverReply vmId
             * @property {boolean|null} [accepted] HandoverReply accepted
             * @property {string|null} [reason] HandoverReply reason
             * @property {string|null} [newPrimary] HandoverReply newPrimary
             * @property {number|null} [epoch] HandoverReply epoch
             * @property {number|null} [leaseRevision] HandoverReply leaseRevision
             * @property {number|null} [guestPausedMs] HandoverReply guestPausedMs
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a HandoverReply.
             * @memberof vmha.v1
             * @interface IHandoverReply
             * @augments vmha.v1.HandoverReply.$Properties
             * @deprecated Use vmha.v1.HandoverReply.$Properties instead.
             */

            /**
             * Shape of a HandoverReply.
             * @typedef {vmha.v1.HandoverReply.$Properties} vmha.v1.HandoverReply.$Shape
             */

            /**
             * Constructs a new HandoverReply.
             * @memberof vmha.v1
             * @classdesc Represents a HandoverReply.
             * @constructor
             * @param {vmha.v1.HandoverReply.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const HandoverReply = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * HandoverReply protocolVersion.
             * @member {number} protocolVersion
             * @memberof vmha.v1.HandoverReply
             * @instance
             */
            HandoverReply.prototype.protocolVersion = 0;

            /**
             * HandoverReply vmId.
             * @member {string} vmId
             * @memberof vmha.v1.HandoverReply
             * @instance
             */
            HandoverReply.prototype.vmId = "";

            /**
             * HandoverReply accepted.
             * @member {boolean} accepted
             * @memberof vmha.v1.HandoverReply
             * @instance
             */
            HandoverReply.prototype.accepted = false;

            /**
             * HandoverReply reason.
             * @member {string} reason
             * @memberof vmha.v1.HandoverReply
             * @instance
             */
            HandoverReply.prototype.reason = "";

            /**
             * HandoverReply newPrimary.
             * @member {string} newPrimary
             * @memberof vmha.v1.HandoverReply
             * @instance
             */
            HandoverReply.prototype.newPrimary = "";

            /**
             * HandoverReply epoch.
             * @member {number} epoch
             * @memberof vmha.v1.HandoverReply
             * @instance
             */
            HandoverReply.prototype.epoch = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * HandoverReply leaseRevision.
             * @member {number} leaseRevision
             * @memberof vmha.v1.HandoverReply
             * @instance
             */
            HandoverReply.prototype.leaseRevision = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * HandoverReply guestPausedMs.
             * @member {number} guestPausedMs
             * @memberof vmha.v1.HandoverReply
             * @instance
             */
            HandoverReply.prototype.guestPausedMs = 0;

            /**
             * Creates a new HandoverReply instance using the specified properties.
             * @function create
             * @memberof vmha.v1.HandoverReply
             * @static
             * @param {vmha.v1.HandoverReply.$Properties=} [properties] Properties to set
             * @returns {vmha.v1.HandoverReply} HandoverReply instance
             * @type {{
             *   (properties: vmha.v1.HandoverReply.$Shape): vmha.v1.HandoverReply & vmha.v1.HandoverReply.$Shape;
             *   (properties?: vmha.v1.HandoverReply.$Properties): vmha.v1.HandoverReply;
             * }}
             */
            HandoverReply.create = function(properties) {
                return new HandoverReply(properties);
            };

            /**
             * Encodes the specified HandoverReply message. Does not implicitly {@link vmha.v1.HandoverReply.verify|verify} messages.
             * @function encode
             * @memberof vmha.v1.HandoverReply
             * @static
             * @param {vmha.v1.HandoverReply.$Properties} message HandoverReply message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            HandoverReply.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.protocolVersion != null && $Object.hasOwnProperty.call(message, "protocolVersion") && message.protocolVersion !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.protocolVersion);
                if (message.vmId != null && $Object.hasOwnProperty.call(message, "vmId") && message.vmId !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.vmId);
                if (message.accepted != null && $Object.hasOwnProperty.call(message, "accepted") && message.accepted !== false)
                    writer.uint32(/* id 3, wireType 0 =*/24).bool(message.accepted);
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason") && message.reason !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.reason);
                if (message.newPrimary != null && $Object.hasOwnProperty.call(message, "newPrimary") && message.newPrimary !== "")
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.newPrimary);
                if (message.epoch != null && $Object.hasOwnProperty.call(message, "epoch") && (typeof message.epoch === "object" ? message.epoch.low || message.epoch.high : message.epoch !== 0))
                    writer.uint32(/* id 6, wireType 0 =*/48).uint64(message.epoch);
                if (message.leaseRevision != null && $Object.hasOwnProperty.call(message, "leaseRevision") && (typeof message.leaseRevision === "object" ? message.leaseRevision.low || message.leaseRevision.high : message.leaseRevision !== 0))
                    writer.uint32(/* id 7, wireType 0 =*/56).uint64(message.leaseRevision);
                if (message.guestPausedMs != null && $Object.hasOwnProperty.call(message, "guestPausedMs") && !$Object.is(message.guestPausedMs, 0))
                    writer.uint32(/* id 8, wireType 1 =*/65).double(message.guestPausedMs);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a HandoverReply message from the specified reader or buffer.
             * @function decode
             * @memberof vmha.v1.HandoverReply
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {vmha.v1.HandoverReply & vmha.v1.HandoverReply.$Shape} HandoverReply
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            HandoverReply.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.vmha.v1.HandoverReply();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.protocolVersion = value;
                            else
                                delete message.protocolVersion;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.vmId = value;
                            else
                                delete message.vmId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.accepted = value;
                            else
                                delete message.accepted;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.reason = value;
                            else
                                delete message.reason;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.newPrimary = value;
                            else
                                delete message.newPrimary;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.epoch = value;
                            else
                                delete message.epoch;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.leaseRevision = value;
                            else
                                delete message.leaseRevision;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.guestPausedMs = value;
                            else
                                delete message.guestPausedMs;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Verifies a HandoverReply message.
             * @function verify
             * @memberof vmha.v1.HandoverReply
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            HandoverReply.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.protocolVersion != null && $Object.hasOwnProperty.call(message, "protocolVersion"))
                    if (!$util.isInteger(message.protocolVersion))
                        return "protocolVersion: integer expected";
                if (message.vmId != null && $Object.hasOwnProperty.call(message, "vmId"))
                    if (!$util.isString(message.vmId))
                        return "vmId: string expected";
                if (message.accepted != null && $Object.hasOwnProperty.call(message, "accepted"))
                    if (typeof message.accepted !== "boolean")
                        return "accepted: boolean expected";
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason"))
                    if (!$util.isString(message.reason))
                        return "reason: string expected";
                if (message.newPrimary != null && $Object.hasOwnProperty.call(message, "newPrimary"))
                    if (!$util.isString(message.newPrimary))
                        return "newPrimary: string expected";
                if (message.epoch != null && $Object.hasOwnProperty.call(message, "epoch"))
                    if (!$util.isInteger(message.epoch) && !(message.epoch && $util.isInteger(message.epoch.low) && $util.isInteger(message.epoch.high)))
                        return "epoch: integer|Long expected";
                if (message.leaseRevision != null && $Object.hasOwnProperty.call(message, "leaseRevision"))
                    if (!$util.isInteger(message.leaseRevision) && !(message.leaseRevision && $util.isInteger(message.leaseRevision.low) && $util.isInteger(message.leaseRevision.high)))
                        return "leaseRevision: integer|Long expected";
                if (message.guestPausedMs != null && $Object.hasOwnProperty.call(message, "guestPausedMs"))
                    if (typeof message.guestPausedMs !== "number")
                        return "guestPausedMs: number expected";
                return null;
            };

            /**
             * Creates a HandoverReply message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof vmha.v1.HandoverReply
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {vmha.v1.HandoverReply} HandoverReply
             */
            HandoverReply.fromObject = function (object, _depth) {
                if (object instanceof $root.vmha.v1.HandoverReply)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".vmha.v1.HandoverReply: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.vmha.v1.HandoverReply();
                if (object.protocolVersion != null)
                    if ($Number(object.protocolVersion) !== 0)
                        message.protocolVersion = object.protocolVersion >>> 0;
                if (object.vmId != null)
                    if (typeof object.vmId !== "string" || object.vmId.length)
                        message.vmId = $String(object.vmId);
                if (object.accepted != null)
                    if (object.accepted)
                        message.accepted = $Boolean(object.accepted);
                if (object.reason != null)
                    if (typeof object.reason !== "string" || object.reason.length)
                        message.reason = $String(object.reason);
                if (object.newPrimary != null)
                    if (typeof object.newPrimary !== "string" || object.newPrimary.length)
                        message.newPrimary = $String(object.newPrimary);
                if (object.epoch != null)
                    if (typeof object.epoch === "object" ? object.epoch.low || object.epoch.high : $Number(object.epoch) !== 0)
                        if ($util.Long)
                            message.epoch = $util.Long.fromValue(object.epoch, true);
                        else if (typeof object.epoch === "string")
                            message.epoch = $parseInt(object.epoch, 10);
                        else if (typeof object.epoch === "number")
                            message.epoch = object.epoch;
                        else if (typeof object.epoch === "object")
                            message.epoch = new $util.LongBits(object.epoch.low >>> 0, object.epoch.high >>> 0).toNumber(true);
                if (object.leaseRevision != null)
                    if (typeof object.leaseRevision === "object" ? object.leaseRevision.low || object.leaseRevision.high : $Number(object.leaseRevision) !== 0)
                        if ($util.Long)
                            message.leaseRevision = $util.Long.fromValue(object.leaseRevision, true);
                        else if (typeof object.leaseRevision === "string")
                            message.leaseRevision = $parseInt(object.leaseRevision, 10);
                        else if (typeof object.leaseRevision === "number")
                            message.leaseRevision = object.leaseRevision;
                        else if (typeof object.leaseRevision === "object")
                            message.leaseRevision = new $util.LongBits(object.leaseRevision.low >>> 0, object.leaseRevision.high >>> 0).toNumber(true);
                if (object.guestPausedMs != null)
                    if (!$Object.is($Number(object.guestPausedMs), 0))
                        message.guestPausedMs = $Number(object.guestPausedMs);
                return message;
            };

            /**
             * Creates a plain object from a HandoverReply message. Also converts values to other types if specified.
             * @function toObject
             * @memberof vmha.v1.HandoverReply
             * @static
             * @param {vmha.v1.HandoverReply} message HandoverReply
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            HandoverReply.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.protocolVersion = 0;
                    object.vmId = "";
                    object.accepted = false;
                    object.reason = "";
                    object.newPrimary = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.epoch = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.epoch = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.leaseRevision = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.leaseRevision = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.guestPausedMs = 0;
                }
                if (message.protocolVersion != null && $Object.hasOwnProperty.call(message, "protocolVersion"))
                    object.protocolVersion = message.protocolVersion;
                if (message.vmId != null && $Object.hasOwnProperty.call(message, "vmId"))
                    object.vmId = message.vmId;
                if (message.accepted != null && $Object.hasOwnProperty.call(message, "accepted"))
                    object.accepted = message.accepted;
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason"))
                    object.reason = message.reason;
                if (message.newPrimary != null && $Object.hasOwnProperty.call(message, "newPrimary"))
                    object.newPrimary = message.newPrimary;
                if (message.epoch != null && $Object.hasOwnProperty.call(message, "epoch"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.epoch = typeof message.epoch === "number" ? $BigInt(message.epoch) : $util.Long.fromBits(message.epoch.low >>> 0, message.epoch.high >>> 0, true).toBigInt();
                    else if (typeof message.epoch === "number")
                        object.epoch = options.longs === $String ? $String(message.epoch) : message.epoch;
                    else
                        object.epoch = options.longs === $String ? $util.Long.prototype.toString.call(message.epoch) : options.longs === $Number ? new $util.LongBits(message.epoch.low >>> 0, message.epoch.high >>> 0).toNumber(true) : message.epoch;
                if (message.leaseRevision != null && $Object.hasOwnProperty.call(message, "leaseRevision"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.leaseRevision = typeof message.leaseRevision === "number" ? $BigInt(message.leaseRevision) : $util.Long.fromBits(message.leaseRevision.low >>> 0, message.leaseRevision.high >>> 0, true).toBigInt();
                    else if (typeof message.leaseRevision === "number")
                        object.leaseRevision = options.longs === $String ? $String(message.leaseRevision) : message.leaseRevision;
                    else
                        object.leaseRevision = options.longs === $String ? $util.Long.prototype.toString.call(message.leaseRevision) : options.longs === $Number ? new $util.LongBits(message.leaseRevision.low >>> 0, message.leaseRevision.high >>> 0).toNumber(true) : message.leaseRevision;
                if (message.guestPausedMs != null && $Object.hasOwnProperty.call(message, "guestPausedMs"))
                    object.guestPausedMs = options.json && !$isFinite(message.guestPausedMs) ? $String(message.guestPausedMs) : message.guestPausedMs;
                return object;
            };

            /**
             * Converts this HandoverReply to JSON.
             * @function toJSON
             * @memberof vmha.v1.HandoverReply
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            HandoverReply.prototype.toJSON = function() {
                return HandoverReply.toObject(this, $protobuf.util.toJSONOptions);
            };

            return HandoverReply;
        })();

        v1.TakeoverOrder = (function() {

            /**
             * Properties of a TakeoverOrder.
             * @typedef {Object} vmha.v1.TakeoverOrder.$Properties
             * @property {number|null} [protocolVersion] TakeoverOrder protocolVersion
             * @property {string|null} [vmId] TakeoverOrder vmId
             * @property {string|null} [streamId] TakeoverOrder streamId
             * @property {string|null} [primary] TakeoverOrder primary
             * @property {number|null} [epoch] TakeoverOrder epoch
             * @property {number|null} [leaseRevision] TakeoverOrder leaseRevision
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a TakeoverOrder.
             * @memberof vmha.v1
             * @interface ITakeoverOrder
             * @augments vmha.v1.TakeoverOrder.$Properties
             * @deprecated Use vmha.v1.TakeoverOrder.$Properties instead.
             */

            /**
             * Shape of a TakeoverOrder.
             * @typedef {vmha.v1.TakeoverOrder.$Properties} vmha.v1.TakeoverOrder.$Shape
             */

            /**
             * Constructs a new TakeoverOrder.
             * @memberof vmha.v1
             * @classdesc Represents a TakeoverOrder.
             * @constructor
             * @param {vmha.v1.TakeoverOrder.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const TakeoverOrder = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * TakeoverOrder protocolVersion.
             * @member {number} protocolVersion
             * @memberof vmha.v1.TakeoverOrder
             * @instance
             */
            TakeoverOrder.prototype.protocolVersion = 0;

            /**
             * TakeoverOrder vmId.
             * @member {string} vmId
             * @memberof vmha.v1.TakeoverOrder
             * @instance
             */
            TakeoverOrder.prototype.vmId = "";

            /**
             * TakeoverOrder streamId.
             * @member {string} streamId
             * @memberof vmha.v1.TakeoverOrder
             * @instance
             */
            TakeoverOrder.prototype.streamId = "";

            /**
             * TakeoverOrder primary.
             * @member {string} primary
             * @memberof vmha.v1.TakeoverOrder
             * @instance
             */
            TakeoverOrder.prototype.primary = "";

            /**
             * TakeoverOrder epoch.
             * @member {number} epoch
             * @memberof vmha.v1.TakeoverOrder
             * @instance
             */
            TakeoverOrder.prototype.epoch = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * TakeoverOrder leaseRevision.
             * @member {number} leaseRevision
             * @memberof vmha.v1.TakeoverOrder
             * @instance
             */
            TakeoverOrder.prototype.leaseRevision = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Creates a new TakeoverOrder instance using the specified properties.
             * @function create
             * @memberof vmha.v1.TakeoverOrder
             * @static
             * @param {vmha.v1.TakeoverOrder.$Properties=} [properties] Properties to set
             * @returns {vmha.v1.TakeoverOrder} TakeoverOrder instance
             * @type {{
             *   (properties: vmha.v1.TakeoverOrder.$Shape): vmha.v1.TakeoverOrder & vmha.v1.TakeoverOrder.$Shape;
             *   (properties?: vmha.v1.TakeoverOrder.$Properties): vmha.v1.TakeoverOrder;
             * }}
             */
            TakeoverOrder.create = function(properties) {
                return new TakeoverOrder(properties);
            };

            /**
             * Encodes the specified TakeoverOrder message. Does not implicitly {@link vmha.v1.TakeoverOrder.verify|verify} messages.
             * @function encode
             * @memberof vmha.v1.TakeoverOrder
             * @static
             * @param {vmha.v1.TakeoverOrder.$Properties} message TakeoverOrder message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            TakeoverOrder.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.protocolVersion != null && $Object.hasOwnProperty.call(message, "protocolVersion") && message.protocolVersion !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.protocolVersion);
                if (message.vmId != null && $Object.hasOwnProperty.call(message, "vmId") && message.vmId !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.vmId);
                if (message.streamId != null && $Object.hasOwnProperty.call(message, "streamId") && message.streamId !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.streamId);
                if (message.primary != null && $Object.hasOwnProperty.call(message, "primary") && message.primary !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.primary);
                if (message.epoch != null && $Object.hasOwnProperty.call(message, "epoch") && (typeof message.epoch === "object" ? message.epoch.low || message.epoch.high : message.epoch !== 0))
                    writer.uint32(/* id 5, wireType 0 =*/40).uint64(message.epoch);
                if (message.leaseRevision != null && $Object.hasOwnProperty.call(message, "leaseRevision") && (typeof message.leaseRevision === "object" ? message.leaseRevision.low || message.leaseRevision.high : message.leaseRevision !== 0))
                    writer.uint32(/* id 6, wireType 0 =*/48).uint64(message.leaseRevision);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a TakeoverOrder message from the specified reader or buffer.
             * @function decode
             * @memberof vmha.v1.TakeoverOrder
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {vmha.v1.TakeoverOrder & vmha.v1.TakeoverOrder.$Shape} TakeoverOrder
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            TakeoverOrder.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.vmha.v1.TakeoverOrder();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.protocolVersion = value;
                            else
                                delete message.protocolVersion;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.vmId = value;
                            else
                                delete message.vmId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.streamId = value;
                            else
                                delete message.streamId;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.primary = value;
                            else
                                delete message.primary;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.epoch = value;
                            else
                                delete message.epoch;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.leaseRevision = value;
                            else
                                delete message.leaseRevision;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Verifies a TakeoverOrder message.
             * @function verify
             * @memberof vmha.v1.TakeoverOrder
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            TakeoverOrder.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.protocolVersion != null && $Object.hasOwnProperty.call(message, "protocolVersion"))
                    if (!$util.isInteger(message.protocolVersion))
                        return "protocolVersion: integer expected";
                if (message.vmId != null && $Object.hasOwnProperty.call(message, "vmId"))
                    if (!$util.isString(message.vmId))
                        return "vmId: string expected";
                if (message.streamId != null && $Object.hasOwnProperty.call(message, "streamId"))
                    if (!$util.isString(message.streamId))
                        return "streamId: string expected";
                if (message.primary != null && $Object.hasOwnProperty.call(message, "primary"))
                    if (!$util.isString(message.primary))
                        return "primary: string expected";
                if (message.epoch != null && $Object.hasOwnProperty.call(message, "epoch"))
                    if (!$util.isInteger(message.epoch) && !(message.epoch && $util.isInteger(message.epoch.low) && $util.isInteger(message.epoch.high)))
                        return "epoch: integer|Long expected";
                if (message.leaseRevision != null && $Object.hasOwnProperty.call(message, "leaseRevision"))
                    if (!$util.isInteger(message.leaseRevision) && !(message.leaseRevision && $util.isInteger(message.leaseRevision.low) && $util.isInteger(message.leaseRevision.high)))
                        return "leaseRevision: integer|Long expected";
                return null;
            };

            /**
             * Creates a TakeoverOrder message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof vmha.v1.TakeoverOrder
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {vmha.v1.TakeoverOrder} TakeoverOrder
             */
            TakeoverOrder.fromObject = function (object, _depth) {
                if (object instanceof $root.vmha.v1.TakeoverOrder)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".vmha.v1.TakeoverOrder: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.vmha.v1.TakeoverOrder();
                if (object.protocolVersion != null)
                    if ($Number(object.protocolVersion) !== 0)
                        message.protocolVersion = object.protocolVersion >>> 0;
                if (object.vmId != null)
                    if (typeof object.vmId !== "string" || object.vmId.length)
                        message.vmId = $String(object.vmId);
                if (object.streamId != null)
                    if (typeof object.streamId !== "string" || object.streamId.length)
                        message.streamId = $String(object.streamId);
                if (object.primary != null)
                    if (typeof object.primary !== "string" || object.primary.length)
                        message.primary = $String(object.primary);
                if (object.epoch != null)
                    if (typeof object.epoch === "object" ? object.epoch.low || object.epoch.high : $Number(object.epoch) !== 0)
                        if ($util.Long)
                            message.epoch = $util.Long.fromValue(object.epoch, true);
                        else if (typeof object.epoch === "string")
                            message.epoch = $parseInt(object.epoch, 10);
                        else if (typeof object.epoch === "number")
                            message.epoch = object.epoch;
                        else if (typeof object.epoch === "object")
                            message.epoch = new $util.LongBits(object.epoch.low >>> 0, object.epoch.high >>> 0).toNumber(true);
                if (object.leaseRevision != null)
                    if (typeof object.leaseRevision === "object" ? object.leaseRevision.low || object.leaseRevision.high : $Number(object.leaseRevision) !== 0)
                        if ($util.Long)
                            message.leaseRevision = $util.Long.fromValue(object.leaseRevision, true);
                        else if (typeof object.leaseRevision === "string")
                            message.leaseRevision = $parseInt(object.leaseRevision, 10);
                        else if (typeof object.leaseRevision === "number")
                            message.leaseRevision = object.leaseRevision;
                        else if (typeof object.leaseRevision === "object")
                            message.leaseRevision = new $util.LongBits(object.leaseRevision.low >>> 0, object.leaseRevision.high >>> 0).toNumber(true);
                return message;
            };

            /**
             * Creates a plain object from a TakeoverOrder message. Also converts values to other types if specified.
             * @function toObject
             * @memberof vmha.v1.TakeoverOrder
             * @static
             * @param {vmha.v1.TakeoverOrder} message TakeoverOrder
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            TakeoverOrder.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.protocolVersion = 0;
                    object.vmId = "";
                    object.streamId = "";
                    object.primary = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.epoch = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.epoch = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.leaseRevision = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.leaseRevision = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (message.protocolVersion != null && $Object.hasOwnProperty.call(message, "protocolVersion"))
                    object.protocolVersion = message.protocolVersion;
                if (message.vmId != null && $Object.hasOwnProperty.call(message, "vmId"))
                    object.vmId = message.vmId;
                if (message.streamId != null && $Object.hasOwnProperty.call(message, "streamId"))
                    object.streamId = message.streamId;
                if (message.primary != null && $Object.hasOwnProperty.call(message, "primary"))
                    object.primary = message.primary;
                if (message.epoch != null && $Object.hasOwnProperty.call(message, "epoch"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.epoch = typeof message.epoch === "number" ? $BigInt(message.epoch) : $util.Long.fromBits(message.epoch.low >>> 0, message.epoch.high >>> 0, true).toBigInt();
                    else if (typeof message.epoch === "number")
                        object.epoch = options.longs === $String ? $String(message.epoch) : message.epoch;
                    else
                        object.epoch = options.longs === $String ? $util.Long.prototype.toString.call(message.epoch) : options.longs === $Number ? new $util.LongBits(message.epoch.low >>> 0, message.epoch.high >>> 0).toNumber(true) : message.epoch;
                if (message.leaseRevision != null && $Object.hasOwnProperty.call(message, "leaseRevision"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.leaseRevision = typeof message.leaseRevision === "number" ? $BigInt(message.leaseRevision) : $util.Long.fromBits(message.leaseRevision.low >>> 0, message.leaseRevision.high >>> 0, true).toBigInt();
                    else if (typeof message.leaseRevision === "number")
                        object.leaseRevision = options.longs === $String ? $String(message.leaseRevision) : message.leaseRevision;
                    else
                        object.leaseRevision = options.longs === $String ? $util.Long.prototype.toString.call(message.leaseRevision) : options.longs === $Number ? new $util.LongBits(message.leaseRevision.low >>> 0, message.leaseRevision.high >>> 0).toNumber(true) : message.leaseRevision;
                return object;
            };

            /**
             * Converts this TakeoverOrder to JSON.
             * @function toJSON
             * @memberof vmha.v1.TakeoverOrder
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            TakeoverOrder.prototype.toJSON = function() {
                return TakeoverOrder.toObject(this, $protobuf.util.toJSONOptions);
            };

            return TakeoverOrder;
        })();

        v1.TakeoverReply = (function() {

            /**
             * Properties of a TakeoverReply.
             * @typedef {Object} vmha.v1.TakeoverReply.$Properties
             * @property {number|null} [protocolVersion] TakeoverReply protocolVersion
             * @property {string|null} [vmId] TakeoverReply vmId
             * @property {boolean|null} [accepted] TakeoverReply accepted
             * @property {string|null} [reason] TakeoverReply reason
             * @property {number|null} [leaseRevision] TakeoverReply leaseRevision
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a TakeoverReply.
             * @memberof vmha.v1
             * @interface ITakeoverReply
             * @augments vmha.v1.TakeoverReply.$Properties
             * @deprecated Use vmha.v1.TakeoverReply.$Properties instead.
             */

            /**
             * Shape of a TakeoverReply.
             * @typedef {vmha.v1.TakeoverReply.$Properties} vmha.v1.TakeoverReply.$Shape
             */

            /**
             * Constructs a new TakeoverReply.
             * @memberof vmha.v1
             * @classdesc Represents a TakeoverReply.
             * @constructor
             * @param {vmha.v1.TakeoverReply.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const TakeoverReply = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * TakeoverReply protocolVersion.
             * @member {number} protocolVersion
             * @memberof vmha.v1.TakeoverReply
             * @instance
             */
            TakeoverReply.prototype.protocolVersion = 0;

            /**
             * TakeoverReply vmId.
             * @member {string} vmId
             * @memberof vmha.v1.TakeoverReply
             * @instance
             */
            TakeoverReply.prototype.vmId = "";

            /**
             * TakeoverReply accepted.
             * @member {boolean} accepted
             * @memberof vmha.v1.TakeoverReply
             * @instance
             */
            TakeoverReply.prototype.accepted = false;

            /**
             * TakeoverReply reason.
             * @member {string} reason
             * @memberof vmha.v1.TakeoverReply
             * @instance
             */
            TakeoverReply.prototype.reason = "";

            /**
             * TakeoverReply leaseRevision.
             * @member {number} leaseRevision
             * @memberof vmha.v1.TakeoverReply
             * @instance
             */
            TakeoverReply.prototype.leaseRevision = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Creates a new TakeoverReply instance using the specified properties.
             * @function create
             * @memberof vmha.v1.TakeoverReply
             * @static
             * @param {vmha.v1.TakeoverReply.$Properties=} [properties] Properties to set
             * @returns {vmha.v1.TakeoverReply} TakeoverReply instance
             * @type {{
             *   (properties: vmha.v1.TakeoverReply.$Shape): vmha.v1.TakeoverReply & vmha.v1.TakeoverReply.$Shape;
             *   (properties?: vmha.v1.TakeoverReply.$Properties): vmha.v1.TakeoverReply;
             * }}
             */
            TakeoverReply.create = function(properties) {
                return new TakeoverReply(properties);
            };

            /**
             * Encodes the specified TakeoverReply message. Does not implicitly {@link vmha.v1.TakeoverReply.verify|verify} messages.
             * @function encode
             * @memberof vmha.v1.TakeoverReply
             * @static
             * @param {vmha.v1.TakeoverReply.$Properties} message TakeoverReply message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            TakeoverReply.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.protocolVersion != null && $Object.hasOwnProperty.call(message, "protocolVersion") && message.protocolVersion !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.protocolVersion);
                if (message.vmId != null && $Object.hasOwnProperty.call(message, "vmId") && message.vmId !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.vmId);
                if (message.accepted != null && $Object.hasOwnProperty.call(message, "accepted") && message.accepted !== false)
                    writer.uint32(/* id 3, wireType 0 =*/24).bool(message.accepted);
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason") && message.reason !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.reason);
                if (message.leaseRevision != null && $Object.hasOwnProperty.call(message, "leaseRevision") && (typeof message.leaseRevision === "object" ? message.leaseRevision.low || message.leaseRevision.high : message.leaseRevision !== 0))
                    writer.uint32(/* id 5, wireType 0 =*/40).uint64(message.leaseRevision);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a TakeoverReply message from the specified reader or buffer.
             * @function decode
             * @memberof vmha.v1.TakeoverReply
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {vmha.v1.TakeoverReply & vmha.v1.TakeoverReply.$Shape} TakeoverReply
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            TakeoverReply.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.vmha.v1.TakeoverReply();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.protocolVersion = value;
                            else
                                delete message.protocolVersion;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.vmId = value;
                            else
                                delete message.vmId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.accepted = value;
                            else
                                delete message.accepted;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.reason = value;
                            else
                                delete message.reason;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.leaseRevision = value;
                            else
                                delete message.leaseRevision;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Verifies a TakeoverReply message.
             * @function verify
             * @memberof vmha.v1.TakeoverReply
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            TakeoverReply.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.protocolVersion != null && $Object.hasOwnProperty.call(message, "protocolVersion"))
                    if (!$util.isInteger(message.protocolVersion))
                        return "protocolVersion: integer expected";
                if (message.vmId != null && $Object.hasOwnProperty.call(message, "vmId"))
                    if (!$util.isString(message.vmId))
                        return "vmId: string expected";
                if (message.accepted != null && $Object.hasOwnProperty.call(message, "accepted"))
                    if (typeof message.accepted !== "boolean")
                        return "accepted: boolean expected";
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason"))
                    if (!$util.isString(message.reason))
                        return "reason: string expected";
                if (message.leaseRevision != null && $Object.hasOwnProperty.call(message, "leaseRevision"))
                    if (!$util.isInteger(message.leaseRevision) && !(message.leaseRevision && $util.isInteger(message.leaseRevision.low) && $util.isInteger(message.leaseRevision.high)))
                        return "leaseRevision: integer|Long expected";
                return null;
            };

            /**
             * Creates a TakeoverReply message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof vmha.v1.TakeoverReply
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {vmha.v1.TakeoverReply} TakeoverReply
             */
            TakeoverReply.fromObject = function (object, _depth) {
                if (object instanceof $root.vmha.v1.TakeoverReply)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".vmha.v1.TakeoverReply: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.vmha.v1.TakeoverReply();
                if (object.protocolVersion != null)
                    if ($Number(object.protocolVersion) !== 0)
                        message.protocolVersion = object.protocolVersion >>> 0;
                if (object.vmId != null)
                    if (typeof object.vmId !== "string" || object.vmId.length)
                        message.vmId = $String(object.vmId);
                if (object.accepted != null)
                    if (object.accepted)
                        message.accepted = $Boolean(object.accepted);
                if (object.reason != null)
                    if (typeof object.reason !== "string" || object.reason.length)
                        message.reason = $String(object.reason);
                if (object.leaseRevision != null)
                    if (typeof object.leaseRevision === "object" ? object.leaseRevision.low || object.leaseRevision.high : $Number(object.leaseRevision) !== 0)
                        if ($util.Long)
                            message.leaseRevision = $util.Long.fromValue(object.leaseRevision, true);
                        else if (typeof object.leaseRevision === "string")
                            message.leaseRevision = $parseInt(object.leaseRevision, 10);
                        else if (typeof object.leaseRevision === "number")
                            message.leaseRevision = object.leaseRevision;
                        else if (typeof object.leaseRevision === "object")
                            message.leaseRevision = new $util.LongBits(object.leaseRevision.low >>> 0, object.leaseRevision.high >>> 0).toNumber(true);
                return message;
            };

            /**
             * Creates a plain object from a TakeoverReply message. Also converts values to other types if specified.
             * @function toObject
             * @memberof vmha.v1.TakeoverReply
             * @static
             * @param {vmha.v1.TakeoverReply} message TakeoverReply
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            TakeoverReply.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.protocolVersion = 0;
                    object.vmId = "";
                    object.accepted = false;
                    object.reason = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.leaseRevision = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.leaseRevision = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (message.protocolVersion != null && $Object.hasOwnProperty.call(message, "protocolVersion"))
                    object.protocolVersion = message.protocolVersion;
                if (message.vmId != null && $Object.hasOwnProperty.call(message, "vmId"))
                    object.vmId = message.vmId;
                if (message.accepted != null && $Object.hasOwnProperty.call(message, "accepted"))
                    object.accepted = message.accepted;
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason"))
                    object.reason = message.reason;
                if (message.leaseRevision != null && $Object.hasOwnProperty.call(message, "leaseRevision"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.leaseRevision = typeof message.leaseRevision === "number" ? $BigInt(message.leaseRevision) : $util.Long.fromBits(message.leaseRevision.low >>> 0, message.leaseRevision.high >>> 0, true).toBigInt();
                    else if (typeof message.leaseRevision === "number")
                        object.leaseRevision = options.longs === $String ? $String(message.leaseRevision) : message.leaseRevision;
                    else
                        object.leaseRevision = options.longs === $String ? $util.Long.prototype.toString.call(message.leaseRevision) : options.longs === $Number ? new $util.LongBits(message.leaseRevision.low >>> 0, message.leaseRevision.high >>> 0).toNumber(true) : message.leaseRevision;
                return object;
            };

            /**
             * Converts this TakeoverReply to JSON.
             * @function toJSON
             * @memberof vmha.v1.TakeoverReply
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            TakeoverReply.prototype.toJSON = function() {
                return TakeoverReply.toObject(this, $protobuf.util.toJSONOptions);
            };

            return TakeoverReply;
        })();

        v1.ModeRequest = (function() {

            /**
             * Properties of a ModeRequest.
             * @typedef {Object} vmha.v1.ModeRequest.$Properties
             * @property {number|null} [protocolVersion] ModeRequest protocolVersion
             * @property {string|null} [vmId] ModeRequest vmId
             * @property {string|null} [mode] ModeRequest mode
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ModeRequest.
             * @memberof vmha.v1
             * @interface IModeRequest
             * @augments vmha.v1.ModeRequest.$Properties
             * @deprecated Use vmha.v1.ModeRequest.$Properties instead.
             */

            /**
             * Shape of a ModeRequest.
             * @typedef {vmha.v1.ModeRequest.$Properties} vmha.v1.ModeRequest.$Shape
             */

            /**
             * Constructs a new ModeRequest.
             * @memberof vmha.v1
             * @classdesc Represents a ModeRequest.
             * @constructor
             * @param {vmha.v1.ModeRequest.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ModeRequest = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * ModeRequest protocolVersion.
             * @member {number} protocolVersion
             * @memberof vmha.v1.ModeRequest
             * @instance
             */
            ModeRequest.prototype.protocolVersion = 0;

            /**
             * ModeRequest vmId.
             * @member {string} vmId
             * @memberof vmha.v1.ModeRequest
             * @instance
             */
            ModeRequest.prototype.vmId = "";

            /**
             * ModeRequest mode.
             * @member {string} mode
             * @memberof vmha.v1.ModeRequest
             * @instance
             */
            ModeRequest.prototype.mode = "";

            /**
             * Creates a new ModeRequest instance using the specified properties.
             * @function create
             * @memberof vmha.v1.ModeRequest
             * @static
             * @param {vmha.v1.ModeRequest.$Properties=} [properties] Properties to set
             * @returns {vmha.v1.ModeRequest} ModeRequest instance
             * @type {{
             *   (properties: vmha.v1.ModeRequest.$Shape): vmha.v1.ModeRequest & vmha.v1.ModeRequest.$Shape;
             *   (properties?: vmha.v1.ModeRequest.$Properties): vmha.v1.ModeRequest;
             * }}
             */
            ModeRequest.create = function(properties) {
                return new ModeRequest(properties);
            };

            /**
             * Encodes the specified ModeRequest message. Does not implicitly {@link vmha.v1.ModeRequest.verify|verify} messages.
             * @function encode
             * @memberof vmha.v1.ModeRequest
             * @static
             * @param {vmha.v1.ModeRequest.$Properties} message ModeRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ModeRequest.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.protocolVersion != null && $Object.hasOwnProperty.call(message, "protocolVersion") && message.protocolVersion !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.protocolVersion);
                if (message.vmId != null && $Object.hasOwnProperty.call(message, "vmId") && message.vmId !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.vmId);
                if (message.mode != null && $Object.hasOwnProperty.call(message, "mode") && message.mode !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.mode);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a ModeRequest message from the specified reader or buffer.
             * @function decode
             * @memberof vmha.v1.ModeRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {vmha.v1.ModeRequest & vmha.v1.ModeRequest.$Shape} ModeRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ModeRequest.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.vmha.v1.ModeRequest();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.protocolVersion = value;
                            else
                                delete message.protocolVersion;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.vmId = value;
                            else
                                delete message.vmId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.mode = value;
                            else
                                delete message.mode;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Verifies a ModeRequest message.
             * @function verify
             * @memberof vmha.v1.ModeRequest
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            ModeRequest.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.protocolVersion != null && $Object.hasOwnProperty.call(message, "protocolVersion"))
                    if (!$util.isInteger(message.protocolVersion))
                        return "protocolVersion: integer expected";
                if (message.vmId != null && $Object.hasOwnProperty.call(message, "vmId"))
                    if (!$util.isString(message.vmId))
                        return "vmId: string expected";
                if (message.mode != null && $Object.hasOwnProperty.call(message, "mode"))
                    if (!$util.isString(message.mode))
                        return "mode: string expected";
                return null;
            };

            /**
             * Creates a ModeRequest message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof vmha.v1.ModeRequest
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {vmha.v1.ModeRequest} ModeRequest
             */
            ModeRequest.fromObject = function (object, _depth) {
                if (object instanceof $root.vmha.v1.ModeRequest)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".vmha.v1.ModeRequest: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.vmha.v1.ModeRequest();
                if (object.protocolVersion != null)
                    if ($Number(object.protocolVersion) !== 0)
                        message.protocolVersion = object.protocolVersion >>> 0;
                if (object.vmId != null)
                    if (typeof object.vmId !== "string" || object.vmId.length)
                        message.vmId = $String(object.vmId);
                if (object.mode != null)
                    if (typeof object.mode !== "string" || object.mode.length)
                        message.mode = $String(object.mode);
                return message;
            };

            /**
             * Creates a plain object from a ModeRequest message. Also converts values to other types if specified.
             * @function toObject
             * @memberof vmha.v1.ModeRequest
             * @static
             * @param {vmha.v1.ModeRequest} message ModeRequest
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            ModeRequest.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.protocolVersion = 0;
                    object.vmId = "";
                    object.mode = "";
                }
                if (message.protocolVersion != null && $Object.hasOwnProperty.call(message, "protocolVersion"))
                    object.protocolVersion = message.protocolVersion;
                if (message.vmId != null && $Object.hasOwnProperty.call(message, "vmId"))
                    object.vmId = message.vmId;
                if (message.mode != null && $Object.hasOwnProperty.call(message, "mode"))
                    object.mode = message.mode;
                return object;
            };

            /**
             * Converts this ModeRequest to JSON.
             * @function toJSON
             * @memberof vmha.v1.ModeRequest
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            ModeRequest.prototype.toJSON = function() {
                return ModeRequest.toObject(this, $protobuf.util.toJSONOptions);
            };

            return ModeRequest;
        })();

        v1.ModeReply = (function() {

            /**
             * Properties of a ModeReply.
             * @typedef {Object} vmha.v1.ModeReply.$Properties
             * @property {number|null} [protocolVersion] ModeReply protocolVersion
             * @property {string|null} [vmId] ModeReply vmId
             * @property {boolean|null} [accepted] ModeReply accepted
             * @property {string|null} [reason] ModeReply reason
             * @property {string|null} [mode] ModeReply mode
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ModeReply.
             * @memberof vmha.v1
             * @interface IModeReply
             * @augments vmha.v1.ModeReply.$Properties
             * @deprecated Use vmha.v1.ModeReply.$Properties instead.
             */

            /**
             * Shape of a ModeReply.
             * @typedef {vmha.v1.ModeReply.$Properties} vmha.v1.ModeReply.$Shape
             */

            /**
             * Constructs a new ModeReply.
             * @memberof vmha.v1
             * @classdesc Represents a ModeReply.
             * @constructor
             * @param {vmha.v1.ModeReply.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ModeReply = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * ModeReply protocolVersion.
             * @member {number} protocolVersion
             * @memberof vmha.v1.ModeReply
             * @instance
             */
            ModeReply.prototype.protocolVersion = 0;

            /**
             * ModeReply vmId.
             * @member {string} vmId
             * @memberof vmha.v1.ModeReply
             * @instance
             */
            ModeReply.prototype.vmId = "";

            /**
             * ModeReply accepted.
             * @member {boolean} accepted
             * @memberof vmha.v1.ModeReply
             * @instance
             */
            ModeReply.prototype.accepted = false;

            /**
             * ModeReply reason.
             * @member {string} reason
             * @memberof vmha.v1.ModeReply
             * @instance
             */
            ModeReply.prototype.reason = "";

            /**
             * ModeReply mode.
             * @member {string} mode
             * @memberof vmha.v1.ModeReply
             * @instance
             */
            ModeReply.prototype.mode = "";

            /**
             * Creates a new ModeReply instance using the specified properties.
             * @function create
             * @memberof vmha.v1.ModeReply
             * @static
             * @param {vmha.v1.ModeReply.$Properties=} [properties] Properties to set
             * @returns {vmha.v1.ModeReply} ModeReply instance
             * @type {{
             *   (properties: vmha.v1.ModeReply.$Shape): vmha.v1.ModeReply & vmha.v1.ModeReply.$Shape;
             *   (properties?: vmha.v1.ModeReply.$Properties): vmha.v1.ModeReply;
             * }}
             */
            ModeReply.create = function(properties) {
                return new ModeReply(properties);
            };

            /**
             * Encodes the specified ModeReply message. Does not implicitly {@link vmha.v1.ModeReply.verify|verify} messages.
             * @function encode
             * @memberof vmha.v1.ModeReply
             * @static
             * @param {vmha.v1.ModeReply.$Properties} message ModeReply message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ModeReply.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.protocolVersion != null && $Object.hasOwnProperty.call(message, "protocolVersion") && message.protocolVersion !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.protocolVersion);
                if (message.vmId != null && $Object.hasOwnProperty.call(message, "vmId") && message.vmId !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.vmId);
                if (message.accepted != null && $Object.hasOwnProperty.call(message, "accepted") && message.accepted !== false)
                    writer.uint32(/* id 3, wireType 0 =*/24).bool(message.accepted);
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason") && message.reason !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.reason);
                if (message.mode != null && $Object.hasOwnProperty.call(message, "mode") && message.mode !== "")
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.mode);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a ModeReply message from the specified reader or buffer.
             * @function decode
             * @memberof vmha.v1.ModeReply
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {vmha.v1.ModeReply & vmha.v1.ModeReply.$Shape} ModeReply
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ModeReply.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.vmha.v1.ModeReply();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.protocolVersion = value;
                            else
                                delete message.protocolVersion;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.vmId = value;
                            else
                                delete message.vmId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.accepted = value;
                            else
                                delete message.accepted;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.reason = value;
                            else
                                delete message.reason;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.mode = value;
                            else
                                delete message.mode;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Verifies a ModeReply message.
             * @function verify
             * @memberof vmha.v1.ModeReply
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            ModeReply.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.protocolVersion != null && $Object.hasOwnProperty.call(message, "protocolVersion"))
                    if (!$util.isInteger(message.protocolVersion))
                        return "protocolVersion: integer expected";
                if (message.vmId != null && $Object.hasOwnProperty.call(message, "vmId"))
                    if (!$util.isString(message.vmId))
                        return "vmId: string expected";
                if (message.accepted != null && $Object.hasOwnProperty.call(message, "accepted"))
                    if (typeof message.accepted !== "boolean")
                        return "accepted: boolean expected";
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason"))
                    if (!$util.isString(message.reason))
                        return "reason: string expected";
                if (message.mode != null && $Object.hasOwnProperty.call(message, "mode"))
                    if (!$util.isString(message.mode))
                        return "mode: string expected";
                return null;
            };

            /**
             * Creates a ModeReply message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof vmha.v1.ModeReply
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {vmha.v1.ModeReply} ModeReply
             */
            ModeReply.fromObject = function (object, _depth) {
                if (object instanceof $root.vmha.v1.ModeReply)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".vmha.v1.ModeReply: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.vmha.v1.ModeReply();
                if (object.protocolVersion != null)
                    if ($Number(object.protocolVersion) !== 0)
                        message.protocolVersion = object.protocolVersion >>> 0;
                if (object.vmId != null)
                    if (typeof object.vmId !== "string" || object.vmId.length)
                        message.vmId = $String(object.vmId);
                if (object.accepted != null)
                    if (object.accepted)
                        message.accepted = $Boolean(object.accepted);
                if (object.reason != null)
                    if (typeof object.reason !== "string" || object.reason.length)
                        message.reason = $String(object.reason);
                if (object.mode != null)
                    if (typeof object.mode !== "string" || object.mode.length)
                        message.mode = $String(object.mode);
                return message;
            };

            /**
             * Creates a plain object from a ModeReply message. Also converts values to other types if specified.
             * @function toObject
             * @memberof vmha.v1.ModeReply
             * @static
             * @param {vmha.v1.ModeReply} message ModeReply
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            ModeReply.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.protocolVersion = 0;
                    object.vmId = "";
                    object.accepted = false;
                    object.reason = "";
                    object.mode = "";
                }
                if (message.protocolVersion != null && $Object.hasOwnProperty.call(message, "protocolVersion"))
                    object.protocolVersion = message.protocolVersion;
                if (message.vmId != null && $Object.hasOwnProperty.call(message, "vmId"))
                    object.vmId = message.vmId;
                if (message.accepted != null && $Object.hasOwnProperty.call(message, "accepted"))
                    object.accepted = message.accepted;
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason"))
                    object.reason = message.reason;
                if (message.mode != null && $Object.hasOwnProperty.call(message, "mode"))
                    object.mode = message.mode;
                return object;
            };

            /**
             * Converts this ModeReply to JSON.
             * @function toJSON
             * @memberof vmha.v1.ModeReply
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            ModeReply.prototype.toJSON = function() {
                return ModeReply.toObject(this, $protobuf.util.toJSONOptions);
            };

            return ModeReply;
        })();

        v1.VmStatus = (function() {

            /**
             * Properties of a VmStatus.
             * @typedef {Object} vmha.v1.VmStatus.$Properties
             * @property {number|null} [protocolVersion] VmStatus protocolVersion
             * @property {string|null} [vmId] VmStatus vmId
             * @property {string|null} [mode] VmStatus mode
             * @property {string|null} [owner] VmStatus owner
             * @property {number|null} [virtualTimeMs] VmStatus virtualTimeMs
             * @property {string|null} [address] VmStatus address
             * @property {Object.<string,number>|null} [counters] VmStatus counters
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a VmStatus.
             * @memberof vmha.v1
             * @interface IVmStatus
             * @augments vmha.v1.VmStatus.$Properties
             * @deprecated Use vmha.v1.VmStatus.$Properties instead.
             */

            /**
             * Shape of a VmStatus.
             * @typedef {vmha.v1.VmStatus.$Properties} vmha.v1.VmStatus.$Shape
             */

            /**
             * Constructs a new VmStatus.
             * @memberof vmha.v1
             * @classdesc Represents a VmStatus.
             * @constructor
             * @param {vmha.v1.VmStatus.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const VmStatus = function (properties) {
                this.counters = {};
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * VmStatus protocolVersion.
             * @member {number} protocolVersion
             * @memberof vmha.v1.VmStatus
             * @instance
             */
            VmStatus.prototype.protocolVersion = 0;

            /**
             * VmStatus vmId.
             * @member {string} vmId
             * @memberof vmha.v1.VmStatus
             * @instance
             */
            VmStatus.prototype.vmId = "";

            /**
             * VmStatus mode.
             * @member {string} mode
             * @memberof vmha.v1.VmStatus
             * @instance
             */
            VmStatus.prototype.mode = "";

            /**
             * VmStatus owner.
             * @member {string} owner
             * @memberof vmha.v1.VmStatus
             * @instance
             */
            VmStatus.prototype.owner = "";

            /**
             * VmStatus virtualTimeMs.
             * @member {number} virtualTimeMs
             * @memberof vmha.v1.VmStatus
             * @instance
             */
            VmStatus.prototype.virtualTimeMs = 0;

            /**
             * VmStatus address.
             * @member {string} address
             * @memberof vmha.v1.VmStatus
             * @instance
             */
            VmStatus.prototype.address = "";

            /**
             * VmStatus counters.
             * @member {Object.<string,number>} counters
             * @memberof vmha.v1.VmStatus
             * @instance
             */
            VmStatus.prototype.counters = $util.emptyObject;

            /**
             * Creates a new VmStatus instance using the specified properties.
             * @function create
             * @memberof vmha.v1.VmStatus
             * @static
             * @param {vmha.v1.VmStatus.$Properties=} [properties] Properties to set
             * @returns {vmha.v1.VmStatus} VmStatus instance
             * @type {{
             *   (properties: vmha.v1.VmStatus.$Shape): vmha.v1.VmStatus & vmha.v1.VmStatus.$Shape;
             *   (properties?: vmha.v1.VmStatus.$Properties): vmha.v1.VmStatus;
             * }}
             */
            VmStatus.create = function(properties) {
                return new VmStatus(properties);
            };

            /**
             * Encodes the specified VmStatus message. Does not implicitly {@link vmha.v1.VmStatus.verify|verify} messages.
             * @function encode
             * @memberof vmha.v1.VmStatus
             * @static
             * @param {vmha.v1.VmStatus.$Properties} message VmStatus message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            VmStatus.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.protocolVersion != null && $Object.hasOwnProperty.call(message, "protocolVersion") && message.protocolVersion !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.protocolVersion);
                if (message.vmId != null && $Object.hasOwnProperty.call(message, "vmId") && message.vmId !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.vmId);
                if (message.mode != null && $Object.hasOwnProperty.call(message, "mode") && message.mode !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.mode);
                if (message.owner != null && $Object.hasOwnProperty.call(message, "owner") && message.owner !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.owner);
                if (message.virtualTimeMs != null && $Object.hasOwnProperty.call(message, "virtualTimeMs") && !$Object.is(message.virtualTimeMs, 0))
                    writer.uint32(/* id 5, wireType 1 =*/41).double(message.virtualTimeMs);
                if (message.address != null && $Object.hasOwnProperty.call(message, "address") && message.address !== "")
                    writer.uint32(/* id 6, wireType 2 =*/50).string(message.address);
                if (message.counters != null && $Object.hasOwnProperty.call(message, "counters"))
                    for (let keys = $Object.keys(message.counters), i = 0; i < keys.length; ++i)
                        writer.uint32(/* id 7, wireType 2 =*/58).fork().uint32(/* id 1, wireType 2 =*/10).string(keys[i]).uint32(/* id 2, wireType 1 =*/17).double(message.counters[keys[i]]).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a VmStatus message from the specified reader or buffer.
             * @function decode
             * @memberof vmha.v1.VmStatus
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {vmha.v1.VmStatus & vmha.v1.VmStatus.$Shape} VmStatus
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            VmStatus.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, key, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.vmha.v1.VmStatus();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.protocolVersion = value;
                            else
                                delete message.protocolVersion;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.vmId = value;
                            else
                                delete message.vmId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.mode = value;
                            else
                                delete message.mode;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.owner = value;
                            else
                                delete message.owner;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.virtualTimeMs = value;
                            else
                                delete message.virtualTimeMs;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.address = value;
                            else
                                delete message.address;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            if (message.counters === $util.emptyObject)
                                message.counters = {};
                            let end2 = reader.size() + reader.pos;
                            if (end2 > reader.len)
                                throw $RangeError("index out of range");
                            reader.len = end2;
                            key = "";
                            value = 0;
                            while (reader.pos < end2) {
                                let tag2 = reader.tag();
                                wireType = tag2 & 7;
                                switch (tag2 >>>= 3) {
                                case 1:
                                    if (wireType !== 2)
                                        break;
                                    key = reader.stringVerify();
                                    continue;
                                case 2:
                                    if (wireType !== 1)
                                        break;
                                    value = reader.double();
                                    continue;
                                }
                                reader.skipType(wireType, _depth, tag2);
                            }
                            if (reader.pos !== end2)
                                throw $RangeError("index out of range");
                            reader.len = end;
                            if (key === "__proto__")
                                $util.makeProp(message.counters, key);
                            message.counters[key] = value;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Verifies a VmStatus message.
             * @function verify
             * @memberof vmha.v1.VmStatus
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            VmStatus.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.protocolVersion != null && $Object.hasOwnProperty.call(message, "protocolVersion"))
                    if (!$util.isInteger(message.protocolVersion))
                        return "protocolVersion: integer expected";
                if (message.vmId != null && $Object.hasOwnProperty.call(message, "vmId"))
                    if (!$util.isString(message.vmId))
                        return "vmId: string expected";
                if (message.mode != null && $Object.hasOwnProperty.call(message, "mode"))
                    if (!$util.isString(message.mode))
                        return "mode: string expected";
                if (message.owner != null && $Object.hasOwnProperty.call(message, "owner"))
                    if (!$util.isString(message.owner))
                        return "owner: string expected";
                if (message.virtualTimeMs != null && $Object.hasOwnProperty.call(message, "virtualTimeMs"))
                    if (typeof message.virtualTimeMs !== "number")
                        return "virtualTimeMs: number expected";
                if (message.address != null && $Object.hasOwnProperty.call(message, "address"))
                    if (!$util.isString(message.address))
                        return "address: string expected";
                if (message.counters != null && $Object.hasOwnProperty.call(message, "counters")) {
                    if (!$util.isObject(message.counters))
                        return "counters: object expected";
                    let key = $Object.keys(message.counters);
                    for (let i = 0; i < key.length; ++i)
                        if (typeof message.counters[key[i]] !== "number")
                            return "counters: number{k:string} expected";
                }
                return null;
            };

            /**
             * Creates a VmStatus message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof vmha.v1.VmStatus
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {vmha.v1.VmStatus} VmStatus
             */
            VmStatus.fromObject = function (object, _depth) {
                if (object instanceof $root.vmha.v1.VmStatus)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".vmha.v1.VmStatus: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.vmha.v1.VmStatus();
                if (object.protocolVersion != null)
                    if ($Number(object.protocolVersion) !== 0)
                        message.protocolVersion = object.protocolVersion >>> 0;
                if (object.vmId != null)
                    if (typeof object.vmId !== "string" || object.vmId.length)
                        message.vmId = $String(object.vmId);
                if (object.mode != null)
                    if (typeof object.mode !== "string" || object.mode.length)
                        message.mode = $String(object.mode);
                if (object.owner != null)
                    if (typeof object.owner !== "string" || object.owner.length)
                        message.owner = $String(object.owner);
                if (object.virtualTimeMs != null)
                    if (!$Object.is($Number(object.virtualTimeMs), 0))
                        message.virtualTimeMs = $Number(object.virtualTimeMs);
                if (object.address != null)
                    if (typeof object.address !== "string" || object.address.length)
                        message.address = $String(object.address);
                if (object.counters) {
                    if (!$util.isObject(object.counters))
                        throw $TypeError(".vmha.v1.VmStatus.counters: object expected");
                    message.counters = {};
                    for (let keys = $Object.keys(object.counters), i = 0; i < keys.length; ++i) {
                        if (keys[i] === "__proto__")
                            $util.makeProp(message.counters, keys[i]);
                        message.counters[keys[i]] = $Number(object.counters[keys[i]]);
                    }
                }
                return message;
            };

            /**
             * Creates a plain object from a VmStatus message. Also converts values to other types if specified.
             * @function toObject
             * @memberof vmha.v1.VmStatus
             * @static
             * @param {vmha.v1.VmStatus} message VmStatus
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            VmStatus.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.objects || options.defaults)
                    object.counters = {};
                if (options.defaults) {
                    object.protocolVersion = 0;
                    object.vmId = "";
                    object.mode = "";
                    object.owner = "";
                    object.virtualTimeMs = 0;
                    object.address = "";
                }
                if (message.protocolVersion != null && $Object.hasOwnProperty.call(message, "protocolVersion"))
                    object.protocolVersion = message.protocolVersion;
                if (message.vmId != null && $Object.hasOwnProperty.call(message, "vmId"))
                    object.vmId = message.vmId;
                if (message.mode != null && $Object.hasOwnProperty.call(message, "mode"))
                    object.mode = message.mode;
                if (message.owner != null && $Object.hasOwnProperty.call(message, "owner"))
                    object.owner = message.owner;
                if (message.virtualTimeMs != null && $Object.hasOwnProperty.call(message, "virtualTimeMs"))
                    object.virtualTimeMs = options.json && !$isFinite(message.virtualTimeMs) ? $String(message.virtualTimeMs) : message.virtualTimeMs;
                if (message.address != null && $Object.hasOwnProperty.call(message, "address"))
                    object.address = message.address;
                let keys2;
                if (message.counters && (keys2 = $Object.keys(message.counters)).length) {
                    object.counters = {};
                    for (let j = 0; j < keys2.length; ++j) {
                        if (keys2[j] === "__proto__")
                            $util.makeProp(object.counters, keys2[j]);
                        object.counters[keys2[j]] = options.json && !$isFinite(message.counters[keys2[j]]) ? $String(message.counters[keys2[j]]) : message.counters[keys2[j]];
                    }
                }
                return object;
            };

            /**
             * Converts this VmStatus to JSON.
             * @function toJSON
             * @memberof vmha.v1.VmStatus
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            VmStatus.prototype.toJSON = function() {
                return VmStatus.toObject(this, $protobuf.util.toJSONOptions);
            };

            return VmStatus;
        })();

        return v1;
    })();

    return vmha;
})();

export {
  $root as default
};
