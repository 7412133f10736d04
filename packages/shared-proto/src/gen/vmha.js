/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "../protobuf-runtime.ts";

// Common aliases
const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError, $TypeError = $util.global.TypeError, $Number = $util.global.Number, $String = $util.global.String, $parseInt = $util.global.parseInt, $BigInt = $util.global.BigInt, $isFinite = $util.global.isFinite, $Array = $util.global.Array;

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
