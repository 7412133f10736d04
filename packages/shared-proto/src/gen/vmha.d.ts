// DO NOT EDIT! This is a generated file. Edit the source file instead and regenerate.

import * as $protobuf from "../protobuf-runtime.ts";

/** Namespace vmha. */
export namespace vmha {

    /** Namespace v1. */
    namespace v1 {

        /**
         * Properties of a HealthRequest.
         * @deprecated Use vmha.v1.HealthRequest.$Properties instead.
         */
        interface IHealthRequest extends vmha.v1.HealthRequest.$Properties {
        }

        /** Represents a HealthRequest. */
        class HealthRequest {

            /**
             * Constructs a new HealthRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: vmha.v1.HealthRequest.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** HealthRequest protocolVersion. */
            protocolVersion: number;

            /**
             * Creates a new HealthRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns HealthRequest instance
             */
            static create(properties: vmha.v1.HealthRequest.$Shape): vmha.v1.HealthRequest & vmha.v1.HealthRequest.$Shape;
            static create(properties?: vmha.v1.HealthRequest.$Properties): vmha.v1.HealthRequest;

            /**
             * Encodes the specified HealthRequest message. Does not implicitly {@link vmha.v1.HealthRequest.verify|verify} messages.
             * @param message HealthRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: vmha.v1.HealthRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a HealthRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {vmha.v1.HealthRequest & vmha.v1.HealthRequest.$Shape} HealthRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): vmha.v1.HealthRequest & vmha.v1.HealthRequest.$Shape;

            /**
             * Verifies a HealthRequest message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a HealthRequest message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns HealthRequest
             */
            static fromObject(object: { [k: string]: any }): vmha.v1.HealthRequest;

            /**
             * Creates a plain object from a HealthRequest message. Also converts values to other types if specified.
             * @param message HealthRequest
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: vmha.v1.HealthRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this HealthRequest to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace HealthRequest {

            /** Properties of a HealthRequest. */
            interface $Properties {

                /** HealthRequest protocolVersion */
                protocolVersion?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a HealthRequest. */
            type $Shape = vmha.v1.HealthRequest.$Properties;
        }

        /**
         * Properties of a HealthReply.
         * @deprecated Use vmha.v1.HealthReply.$Properties instead.
         */
        interface IHealthReply extends vmha.v1.HealthReply.$Properties {
        }

        /** Represents a HealthReply. */
        class HealthReply {

            /**
             * Constructs a new HealthReply.
             * @param [properties] Properties to set
             */
            constructor(properties?: vmha.v1.HealthReply.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** HealthReply protocolVersion. */
            protocolVersion: number;

            /** HealthReply service. */
            service: string;

            /** HealthReply instance. */
            instance: string;

            /** HealthReply status. */
            status: string;

            /** HealthReply uptimeMs. */
            uptimeMs: number;

            /** HealthReply counters. */
            counters: { [k: string]: number };

            /**
             * Creates a new HealthReply instance using the specified properties.
             * @param [properties] Properties to set
             * @returns HealthReply instance
             */
            static create(properties: vmha.v1.HealthReply.$Shape): vmha.v1.HealthReply & vmha.v1.HealthReply.$Shape;
            static create(properties?: vmha.v1.HealthReply.$Properties): vmha.v1.HealthReply;

            /**
             * Encodes the specified HealthReply message. Does not implicitly {@link vmha.v1.HealthReply.verify|verify} messages.
             * @param message HealthReply message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: vmha.v1.HealthReply.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a HealthReply message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {vmha.v1.HealthReply & vmha.v1.HealthReply.$Shape} HealthReply
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): vmha.v1.HealthReply & vmha.v1.HealthReply.$Shape;

            /**
             * Verifies a HealthReply message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a HealthReply message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns HealthReply
             */
            static fromObject(object: { [k: string]: any }): vmha.v1.HealthReply;

            /**
             * Creates a plain object from a HealthReply message. Also converts values to other types if specified.
             * @param message HealthReply
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: vmha.v1.HealthReply, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this HealthReply to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace HealthReply {

            /** Properties of a HealthReply. */
            interface $Properties {

                /** HealthReply protocolVersion */
                protocolVersion?: (number|null);

                /** HealthReply service */
                service?: (string|null);

                /** HealthReply instance */
                instance?: (string|null);

                /** HealthReply status */
                status?: (string|null);

                /** HealthReply uptimeMs */
                uptimeMs?: (number|null);

                /** HealthReply counters */
                counters?: ({ [k: string]: number }|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a HealthReply. */
            type $Shape = vmha.v1.HealthReply.$Properties;
        }

        /**
         * Properties of an IpPacket.
         * @deprecated Use vmha.v1.IpPacket.$Properties instead.
         */
        interface IIpPacket extends vmha.v1.IpPacket.$Properties {
        }

        /** Represents an IpPacket. */
        class IpPacket {

            /**
             * Constructs a new IpPacket.
             * @param [properties] Properties to set
             */
            constructor(properties?: vmha.v1.IpPacket.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** IpPacket protocolVersion. */
            protocolVersion: number;

            /** IpPacket datagrams. */
            datagrams: Uint8Array[];

            /**
             * Creates a new IpPacket instance using the specified properties.
             * @param [properties] Properties to set
             * @returns IpPacket instance
             */
            static create(properties: vmha.v1.IpPacket.$Shape): vmha.v1.IpPacket & vmha.v1.IpPacket.$Shape;
            static create(properties?: vmha.v1.IpPacket.$Properties): vmha.v1.IpPacket;

            /**
             * Encodes the specified IpPacket message. Does not implicitly {@link vmha.v1.IpPacket.verify|verify} messages.
             * @param message IpPacket message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: vmha.v1.IpPacket.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an IpPacket message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {vmha.v1.IpPacket & vmha.v1.IpPacket.$Shape} IpPacket
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): vmha.v1.IpPacket & vmha.v1.IpPacket.$Shape;

            /**
             * Verifies an IpPacket message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates an IpPacket message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns IpPacket
             */
            static fromObject(object: { [k: string]: any }): vmha.v1.IpPacket;

            /**
             * Creates a plain object from an IpPacket message. Also converts values to other types if specified.
             * @param message IpPacket
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: vmha.v1.IpPacket, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this IpPacket to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace IpPacket {

            /** Properties of an IpPacket. */
            interface $Properties {

                /** IpPacket protocolVersion */
                protocolVersion?: (number|null);

                /** IpPacket datagrams */
                datagrams?: (Uint8Array[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an IpPacket. */
            type $Shape = vmha.v1.IpPacket.$Properties;
        }

        /**
         * Properties of a VipAnnouncement.
         * @deprecated Use vmha.v1.VipAnnouncement.$Properties instead.
         */
        interface IVipAnnouncement extends vmha.v1.VipAnnouncement.$Properties {
        }

        /** Represents a VipAnnouncement. */
        class VipAnnouncement {

            /**
             * Constructs a new VipAnnouncement.
             * @param [properties] Properties to set
             */
            constructor(properties?: vmha.v1.VipAnnouncement.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** VipAnnouncement protocolVersion. */
            protocolVersion: number;

            /** VipAnnouncement vmId. */
            vmId: string;

            /** VipAnnouncement address. */
            address: string;

            /** VipAnnouncement owner. */
            owner: string;

            /** VipAnnouncement leaseRevision. */
            leaseRevision: number;

            /**
             * Creates a new VipAnnouncement instance using the specified properties.
             * @param [properties] Properties to set
             * @returns VipAnnouncement instance
             */
            static create(properties: vmha.v1.VipAnnouncement.$Shape): vmha.v1.VipAnnouncement & vmha.v1.VipAnnouncement.$Shape;
            static create(properties?: vmha.v1.VipAnnouncement.$Properties): vmha.v1.VipAnnouncement;

            /**
             * Encodes the specified VipAnnouncement message. Does not implicitly {@link vmha.v1.VipAnnouncement.verify|verify} messages.
             * @param message VipAnnouncement message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: vmha.v1.VipAnnouncement.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a VipAnnouncement message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {vmha.v1.VipAnnouncement & vmha.v1.VipAnnouncement.$Shape} VipAnnouncement
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): vmha.v1.VipAnnouncement & vmha.v1.VipAnnouncement.$Shape;

            /**
             * Verifies a VipAnnouncement message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a VipAnnouncement message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns VipAnnouncement
             */
            static fromObject(object: { [k: string]: any }): vmha.v1.VipAnnouncement;

            /**
             * Creates a plain object from a VipAnnouncement message. Also converts values to other types if specified.
             * @param message VipAnnouncement
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: vmha.v1.VipAnnouncement, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this VipAnnouncement to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace VipAnnouncement {

            /** Properties of a VipAnnouncement. */
            interface $Properties {

                /** VipAnnouncement protocolVersion */
                protocolVersion?: (number|null);

                /** VipAnnouncement vmId */
                vmId?: (string|null);

                /** VipAnnouncement address */
                address?: (string|null);

                /** VipAnnouncement owner */
                owner?: (string|null);

                /** VipAnnouncement leaseRevision */
                leaseRevision?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a VipAnnouncement. */
            type $Shape = vmha.v1.VipAnnouncement.$Properties;
        }

        /** CheckpointKind enum. */
        enum CheckpointKind {

            /** CHECKPOINT_KIND_UNSPECIFIED value */
            CHECKPOINT_KIND_UNSPECIFIED = 0,

            /** CHECKPOINT_KIND_SYNC_PAGES value */
            CHECKPOINT_KIND_SYNC_PAGES = 1,

            /** CHECKPOINT_KIND_SYNC_SEAL value */
            CHECKPOINT_KIND_SYNC_SEAL = 2,

            /** CHECKPOINT_KIND_EPOCH value */
            CHECKPOINT_KIND_EPOCH = 3
        }

        /**
         * Properties of a CheckpointChunk.
         * @deprecated Use vmha.v1.CheckpointChunk.$Properties instead.
         */
        interface ICheckpointChunk extends vmha.v1.CheckpointChunk.$Properties {
        }

        /** Represents a CheckpointChunk. */
        class CheckpointChunk {

            /**
             * Constructs a new CheckpointChunk.
             * @param [properties] Properties to set
             */
            constructor(properties?: vmha.v1.CheckpointChunk.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** CheckpointChunk protocolVersion. */
            protocolVersion: number;

            /** CheckpointChunk vmId. */
            vmId: string;

            /** CheckpointChunk streamId. */
            streamId: string;

            /** CheckpointChunk kind. */
            kind: vmha.v1.CheckpointKind;

            /** CheckpointChunk epoch. */
            epoch: number;

            /** CheckpointChunk baseEpoch. */
            baseEpoch: number;

            /** CheckpointChunk chunkIndex. */
            chunkIndex: number;

            /** CheckpointChunk chunkCount. */
            chunkCount: number;

            /** CheckpointChunk bodyBytes. */
            bodyBytes: number;

            /** CheckpointChunk dataCrc32. */
            dataCrc32: number;

            /** CheckpointChunk data. */
            data: Uint8Array;

            /** CheckpointChunk leaseRevision. */
            leaseRevision: number;

            /**
             * Creates a new CheckpointChunk instance using the specified properties.
             * @param [properties] Properties to set
             * @returns CheckpointChunk instance
             */
            static create(properties: vmha.v1.CheckpointChunk.$Shape): vmha.v1.CheckpointChunk & vmha.v1.CheckpointChunk.$Shape;
            static create(properties?: vmha.v1.CheckpointChunk.$Properties): vmha.v1.CheckpointChunk;

            /**
             * Encodes the specified CheckpointChunk message. Does not implicitly {@link vmha.v1.CheckpointChunk.verify|verify} messages.
             * @param message CheckpointChunk message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: vmha.v1.CheckpointChunk.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a CheckpointChunk message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {vmha.v1.CheckpointChunk & vmha.v1.CheckpointChunk.$Shape} CheckpointChunk
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): vmha.v1.CheckpointChunk & vmha.v1.CheckpointChunk.$Shape;

            /**
             * Verifies a CheckpointChunk message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a CheckpointChunk message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns CheckpointChunk
             */
            static fromObject(object: { [k: string]: any }): vmha.v1.CheckpointChunk;

            /**
             * Creates a plain object from a CheckpointChunk message. Also converts values to other types if specified.
             * @param message CheckpointChunk
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: vmha.v1.CheckpointChunk, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this CheckpointChunk to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace CheckpointChunk {

            /** Properties of a CheckpointChunk. */
            interface $Properties {

                /** CheckpointChunk protocolVersion */
                protocolVersion?: (number|null);

                /** CheckpointChunk vmId */
                vmId?: (string|null);

                /** CheckpointChunk streamId */
                streamId?: (string|null);

                /** CheckpointChunk kind */
                kind?: (vmha.v1.CheckpointKind|null);

                /** CheckpointChunk epoch */
                epoch?: (number|null);

                /** CheckpointChunk baseEpoch */
                baseEpoch?: (number|null);

                /** CheckpointChunk chunkIndex */
                chunkIndex?: (number|null);

                /** CheckpointChunk chunkCount */
                chunkCount?: (number|null);

                /** CheckpointChunk bodyBytes */
                bodyBytes?: (number|null);

                /** CheckpointChunk dataCrc32 */
                dataCrc32?: (number|null);

                /** CheckpointChunk data */
                data?: (Uint8Array|null);

                /** CheckpointChunk leaseRevision */
                leaseRevision?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a CheckpointChunk. */
            type $Shape = vmha.v1.CheckpointChunk.$Properties;
        }

        /**
         * Properties of a CheckpointAck.
         * @deprecated Use vmha.v1.CheckpointAck.$Properties instead.
         */
        interface ICheckpointAck extends vmha.v1.CheckpointAck.$Properties {
        }

        /** Represents a CheckpointAck. */
        class CheckpointAck {

            /**
             * Constructs a new CheckpointAck.
             * @param [properties] Properties to set
             */
            constructor(properties?: vmha.v1.CheckpointAck.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** CheckpointAck protocolVersion. */
            protocolVersion: number;

            /** CheckpointAck vmId. */
            vmId: string;

            /** CheckpointAck streamId. */
            streamId: string;

            /** CheckpointAck backup. */
            backup: string;

            /** CheckpointAck epoch. */
            epoch: number;

            /** CheckpointAck applied. */
            applied: boolean;

            /** CheckpointAck error. */
            error: string;

            /** CheckpointAck stateDigest. */
            stateDigest: string;

            /** CheckpointAck leaseRevision. */
            leaseRevision: number;

            /**
             * Creates a new CheckpointAck instance using the specified properties.
             * @param [properties] Properties to set
             * @returns CheckpointAck instance
             */
            static create(properties: vmha.v1.CheckpointAck.$Shape): vmha.v1.CheckpointAck & vmha.v1.CheckpointAck.$Shape;
            static create(properties?: vmha.v1.CheckpointAck.$Properties): vmha.v1.CheckpointAck;

            /**
             * Encodes the specified CheckpointAck message. Does not implicitly {@link vmha.v1.CheckpointAck.verify|verify} messages.
             * @param message CheckpointAck message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: vmha.v1.CheckpointAck.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a CheckpointAck message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {vmha.v1.CheckpointAck & vmha.v1.CheckpointAck.$Shape} CheckpointAck
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): vmha.v1.CheckpointAck & vmha.v1.CheckpointAck.$Shape;

            /**
             * Verifies a CheckpointAck message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a CheckpointAck message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns CheckpointAck
             */
            static fromObject(object: { [k: string]: any }): vmha.v1.CheckpointAck;

            /**
             * Creates a plain object from a CheckpointAck message. Also converts values to other types if specified.
             * @param message CheckpointAck
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: vmha.v1.CheckpointAck, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this CheckpointAck to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace CheckpointAck {

            /** Properties of a CheckpointAck. */
            interface $Properties {

                /** CheckpointAck protocolVersion */
                protocolVersion?: (number|null);

                /** CheckpointAck vmId */
                vmId?: (string|null);

                /** CheckpointAck streamId */
                streamId?: (string|null);

                /** CheckpointAck backup */
                backup?: (string|null);

                /** CheckpointAck epoch */
                epoch?: (number|null);

                /** CheckpointAck applied */
                applied?: (boolean|null);

                /** CheckpointAck error */
                error?: (string|null);

                /** CheckpointAck stateDigest */
                stateDigest?: (string|null);

                /** CheckpointAck leaseRevision */
                leaseRevision?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a CheckpointAck. */
            type $Shape = vmha.v1.CheckpointAck.$Properties;
        }

        /**
         * Properties of a Heartbeat.
         * @deprecated Use vmha.v1.Heartbeat.$Properties instead.
         */
        interface IHeartbeat extends vmha.v1.Heartbeat.$Properties {
        }

        /** Represents a Heartbeat. */
        class Heartbeat {

            /**
             * Constructs a new Heartbeat.
             * @param [properties] Properties to set
             */
            constructor(properties?: vmha.v1.Heartbeat.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Heartbeat protocolVersion. */
            protocolVersion: number;

            /** Heartbeat vmId. */
            vmId: string;

            /** Heartbeat sender. */
            sender: string;

            /** Heartbeat role. */
            role: string;

            /** Heartbeat streamId. */
            streamId: string;

            /** Heartbeat leaseRevision. */
            leaseRevision: number;

            /** Heartbeat epoch. */
            epoch: number;

            /** Heartbeat sequence. */
            sequence: number;

            /**
             * Creates a new Heartbeat instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Heartbeat instance
             */
            static create(properties: vmha.v1.Heartbeat.$Shape): vmha.v1.Heartbeat & vmha.v1.Heartbeat.$Shape;
            static create(properties?: vmha.v1.Heartbeat.$Properties): vmha.v1.Heartbeat;

            /**
             * Encodes the specified Heartbeat message. Does not implicitly {@link vmha.v1.Heartbeat.verify|verify} messages.
             * @param message Heartbeat message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: vmha.v1.Heartbeat.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Heartbeat message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {vmha.v1.Heartbeat & vmha.v1.Heartbeat.$Shape} Heartbeat
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): vmha.v1.Heartbeat & vmha.v1.Heartbeat.$Shape;

            /**
             * Verifies a Heartbeat message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a Heartbeat message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Heartbeat
             */
            static fromObject(object: { [k: string]: any }): vmha.v1.Heartbeat;

            /**
             * Creates a plain object from a Heartbeat message. Also converts values to other types if specified.
             * @param message Heartbeat
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: vmha.v1.Heartbeat, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Heartbeat to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace Heartbeat {

            /** Properties of a Heartbeat. */
            interface $Properties {

                /** Heartbeat protocolVersion */
                protocolVersion?: (number|null);

                /** Heartbeat vmId */
                vmId?: (string|null);

                /** Heartbeat sender */
                sender?: (string|null);

                /** Heartbeat role */
                role?: (string|null);

                /** Heartbeat streamId */
                streamId?: (string|null);

                /** Heartbeat leaseRevision */
                leaseRevision?: (number|null);

                /** Heartbeat epoch */
                epoch?: (number|null);

                /** Heartbeat sequence */
                sequence?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Heartbeat. */
            type $Shape = vmha.v1.Heartbeat.$Properties;
        }

        /**
         * Properties of a JoinRequest.
         * @deprecated Use vmha.v1.JoinRequest.$Properties instead.
         */
        interface IJoinRequest extends vmha.v1.JoinRequest.$Properties {
        }

        /** Represents a JoinRequest. */
        class JoinRequest {

            /**
             * Constructs a new JoinRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: vmha.v1.JoinRequest.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** JoinRequest protocolVersion. */
            protocolVersion: number;

            /** JoinRequest vmId. */
            vmId: string;

            /** JoinRequest backup. */
            backup: string;

            /** JoinRequest leaseRevision. */
            leaseRevision: number;

            /**
             * Creates a new JoinRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns JoinRequest instance
             */
            static create(properties: vmha.v1.JoinRequest.$Shape): vmha.v1.JoinRequest & vmha.v1.JoinRequest.$Shape;
            static create(properties?: vmha.v1.JoinRequest.$Properties): vmha.v1.JoinRequest;

            /**
             * Encodes the specified JoinRequest message. Does not implicitly {@link vmha.v1.JoinRequest.verify|verify} messages.
             * @param message JoinRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: vmha.v1.JoinRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a JoinRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {vmha.v1.JoinRequest & vmha.v1.JoinRequest.$Shape} JoinRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): vmha.v1.JoinRequest & vmha.v1.JoinRequest.$Shape;

            /**
             * Verifies a JoinRequest message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a JoinRequest message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns JoinRequest
             */
            static fromObject(object: { [k: string]: any }): vmha.v1.JoinRequest;

            /**
             * Creates a plain object from a JoinRequest message. Also converts values to other types if specified.
             * @param message JoinRequest
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: vmha.v1.JoinRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this JoinRequest to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace JoinRequest {

            /** Properties of a JoinRequest. */
            interface $Properties {

                /** JoinRequest protocolVersion */
                protocolVersion?: (number|null);

                /** JoinRequest vmId */
                vmId?: (string|null);

                /** JoinRequest backup */
                backup?: (string|null);

                /** JoinRequest leaseRevision */
                leaseRevision?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a JoinRequest. */
            type $Shape = vmha.v1.JoinRequest.$Properties;
        }

        /**
         * Properties of a JoinReply.
         * @deprecated Use vmha.v1.JoinReply.$Properties instead.
         */
        interface IJoinReply extends vmha.v1.JoinReply.$Properties {
        }

        /** Represents a JoinReply. */
        class JoinReply {

            /**
             * Constructs a new JoinReply.
             * @param [properties] Properties to set
             */
            constructor(properties?: vmha.v1.JoinReply.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** JoinReply protocolVersion. */
            protocolVersion: number;

            /** JoinReply vmId. */
            vmId: string;

            /** JoinReply accepted. */
            accepted: boolean;

            /** JoinReply reason. */
            reason: string;

            /** JoinReply streamId. */
            streamId: string;

            /** JoinReply primary. */
            primary: string;

            /** JoinReply leaseRevision. */
            leaseRevision: number;

            /**
             * Creates a new JoinReply instance using the specified properties.
             * @param [properties] Properties to set
             * @returns JoinReply instance
             */
            static create(properties: vmha.v1.JoinReply.$Shape): vmha.v1.JoinReply & vmha.v1.JoinReply.$Shape;
            static create(properties?: vmha.v1.JoinReply.$Properties): vmha.v1.JoinReply;

            /**
             * Encodes the specified JoinReply message. Does not implicitly {@link vmha.v1.JoinReply.verify|verify} messages.
             * @param message JoinReply message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: vmha.v1.JoinReply.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a JoinReply message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {vmha.v1.JoinReply & vmha.v1.JoinReply.$Shape} JoinReply
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): vmha.v1.JoinReply & vmha.v1.JoinReply.$Shape;

            /**
             * Verifies a JoinReply message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a JoinReply message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns JoinReply
             */
            static fromObject(object: { [k: string]: any }): vmha.v1.JoinReply;

            /**
             * Creates a plain object from a JoinReply message. Also converts values to other types if specified.
             * @param message JoinReply
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: vmha.v1.JoinReply, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this JoinReply to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace JoinReply {

            /** Properties of a JoinReply. */
            interface $Properties {

                /** JoinReply protocolVersion */
                protocolVersion?: (number|null);

                /** JoinReply vmId */
                vmId?: (string|null);

                /** JoinReply accepted */
                accepted?: (boolean|null);

                /** JoinReply reason */
                reason?: (string|null);

                /** JoinReply streamId */
                streamId?: (string|null);

                /** JoinReply primary */
                primary?: (string|null);

                /** JoinReply leaseRevision */
                leaseRevision?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a JoinReply. */
            type $Shape = vmha.v1.JoinReply.$Properties;
        }

        /** EpochEvent enum. */
        enum EpochEvent {

            /** EPOCH_EVENT_UNSPECIFIED value */
            EPOCH_EVENT_UNSPECIFIED = 0,

            /** EPOCH_EVENT_SENT value */
            EPOCH_EVENT_SENT = 1,

            /** EPOCH_EVENT_ACKED value */
            EPOCH_EVENT_ACKED = 2,

            /** EPOCH_EVENT_ACTIVATED value */
            EPOCH_EVENT_ACTIVATED = 3,

            /** EPOCH_EVENT_REJECTED value */
            EPOCH_EVENT_REJECTED = 4
        }

        /**
         * Properties of an EpochReport.
         * @deprecated Use vmha.v1.EpochReport.$Properties instead.
         */
        interface IEpochReport extends vmha.v1.EpochReport.$Properties {
        }

        /** Represents an EpochReport. */
        class EpochReport {

            /**
             * Constructs a new EpochReport.
             * @param [properties] Properties to set
             */
            constructor(properties?: vmha.v1.EpochReport.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** EpochReport protocolVersion. */
            protocolVersion: number;

            /** EpochReport vmId. */
            vmId: string;

            /** EpochReport sender. */
            sender: string;

            /** EpochReport streamId. */
            streamId: string;

            /** EpochReport epoch. */
            epoch: number;

            /** EpochReport event. */
            event: vmha.v1.EpochEvent;

            /** EpochReport stateDigest. */
            stateDigest: string;

            /** EpochReport leaseRevision. */
            leaseRevision: number;

            /** EpochReport detail. */
            detail: string;

            /**
             * Creates a new EpochReport instance using the specified properties.
             * @param [properties] Properties to set
             * @returns EpochReport instance
             */
            static create(properties: vmha.v1.EpochReport.$Shape): vmha.v1.EpochReport & vmha.v1.EpochReport.$Shape;
            static create(properties?: vmha.v1.EpochReport.$Properties): vmha.v1.EpochReport;

            /**
             * Encodes the specified EpochReport message. Does not implicitly {@link vmha.v1.EpochReport.verify|verify} messages.
             * @param message EpochReport message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: vmha.v1.EpochReport.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an EpochReport message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {vmha.v1.EpochReport & vmha.v1.EpochReport.$Shape} EpochReport
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): vmha.v1.EpochReport & vmha.v1.EpochReport.$Shape;

            /**
             * Verifies an EpochReport message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates an EpochReport message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns EpochReport
             */
            static fromObject(object: { [k: string]: any }): vmha.v1.EpochReport;

            /**
             * Creates a plain object from an EpochReport message. Also converts values to other types if specified.
             * @param message EpochReport
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: vmha.v1.EpochReport, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this EpochReport to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace EpochReport {

            /** Properties of an EpochReport. */
            interface $Properties {

                /** EpochReport protocolVersion */
                protocolVersion?: (number|null);

                /** EpochReport vmId */
                vmId?: (string|null);

                /** EpochReport sender */
                sender?: (string|null);

                /** EpochReport streamId */
                streamId?: (string|null);

                /** EpochReport epoch */
                epoch?: (number|null);

                /** EpochReport event */
                event?: (vmha.v1.EpochEvent|null);

                /** EpochReport stateDigest */
                stateDigest?: (string|null);

                /** EpochReport leaseRevision */
                leaseRevision?: (number|null);

                /** EpochReport detail */
                detail?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an EpochReport. */
            type $Shape = vmha.v1.EpochReport.$Properties;
        }

        /**
         * Properties of a HandoverRequest.
         * @deprecated Use vmha.v1.HandoverRequest.$Properties instead.
         */
        interface IHandoverRequest extends vmha.v1.HandoverRequest.$Properties {
        }

        /** Represents a HandoverRequest. */
        class HandoverRequest {

            /**
             * Constructs a new HandoverRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: vmha.v1.HandoverRequest.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** HandoverRequest protocolVersion. */
            protocolVersion: number;

            /** HandoverRequest vmId. */
            vmId: string;

            /** HandoverRequest requestedBy. */
            requestedBy: string;

            /**
             * Creates a new HandoverRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns HandoverRequest instance
             */
            static create(properties: vmha.v1.HandoverRequest.$Shape): vmha.v1.HandoverRequest & vmha.v1.HandoverRequest.$Shape;
            static create(properties?: vmha.v1.HandoverRequest.$Properties): vmha.v1.HandoverRequest;

            /**
             * Encodes the specified HandoverRequest message. Does not implicitly {@link vmha.v1.HandoverRequest.verify|verify} messages.
             * @param message HandoverRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: vmha.v1.HandoverRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a HandoverRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {vmha.v1.HandoverRequest & vmha.v1.HandoverRequest.$Shape} HandoverRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): vmha.v1.HandoverRequest & vmha.v1.HandoverRequest.$Shape;

            /**
             * Verifies a HandoverRequest message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a HandoverRequest message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns HandoverRequest
             */
            static fromObject(object: { [k: string]: any }): vmha.v1.HandoverRequest;

            /**
             * Creates a plain object from a HandoverRequest message. Also converts values to other types if specified.
             * @param message HandoverRequest
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: vmha.v1.HandoverRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this HandoverRequest to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace HandoverRequest {

            /** Properties of a HandoverRequest. */
            interface $Properties {

                /** HandoverRequest protocolVersion */
                protocolVersion?: (number|null);

                /** HandoverRequest vmId */
                vmId?: (string|null);

                /** HandoverRequest requestedBy */
                requestedBy?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a HandoverRequest. */
            type $Shape = vmha.v1.HandoverRequest.$Properties;
        }

        /**
         * Properties of a HandoverReply.
         * @deprecated Use vmha.v1.HandoverReply.$Properties instead.
         */
        interface IHandoverReply extends vmha.v1.HandoverReply.$Properties {
        }

        /** Represents a HandoverReply. */
        class HandoverReply {

            /**
             * Constructs a new HandoverReply.
             * @param [properties] Properties to set
             */
            constructor(properties?: vmha.v1.HandoverReply.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** HandoverReply protocolVersion. */
            protocolVersion: number;

            /** HandoverReply vmId. */
            vmId: string;

            /** HandoverReply accepted. */
            accepted: boolean;

            /** HandoverReply reason. */
            reason: string;

            /** HandoverReply newPrimary. */
            newPrimary: string;

            /** HandoverReply epoch. */
            epoch: number;

            /** HandoverReply leaseRevision. */
            leaseRevision: number;

            /** HandoverReply guestPausedMs. */
            guestPausedMs: number;

            /**
             * Creates a new HandoverReply instance using the specified properties.
             * @param [properties] Properties to set
             * @returns HandoverReply instance
             */
            static create(properties: vmha.v1.HandoverReply.$Shape): vmha.v1.HandoverReply & vmha.v1.HandoverReply.$Shape;
            static create(properties?: vmha.v1.HandoverReply.$Properties): vmha.v1.HandoverReply;

            /**
             * Encodes the specified HandoverReply message. Does not implicitly {@link vmha.v1.HandoverReply.verify|verify} messages.
             * @param message HandoverReply message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: vmha.v1.HandoverReply.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a HandoverReply message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {vmha.v1.HandoverReply & vmha.v1.HandoverReply.$Shape} HandoverReply
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): vmha.v1.HandoverReply & vmha.v1.HandoverReply.$Shape;

            /**
             * Verifies a HandoverReply message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a HandoverReply message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns HandoverReply
             */
            static fromObject(object: { [k: string]: any }): vmha.v1.HandoverReply;

            /**
             * Creates a plain object from a HandoverReply message. Also converts values to other types if specified.
             * @param message HandoverReply
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: vmha.v1.HandoverReply, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this HandoverReply to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace HandoverReply {

            /** Properties of a HandoverReply. */
            interface $Properties {

                /** HandoverReply protocolVersion */
                protocolVersion?: (number|null);

                /** HandoverReply vmId */
                vmId?: (string|null);

                /** HandoverReply accepted */
                accepted?: (boolean|null);

                /** HandoverReply reason */
                reason?: (string|null);

                /** HandoverReply newPrimary */
                newPrimary?: (string|null);

                /** HandoverReply epoch */
                epoch?: (number|null);

                /** HandoverReply leaseRevision */
                leaseRevision?: (number|null);

                /** HandoverReply guestPausedMs */
                guestPausedMs?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a HandoverReply. */
            type $Shape = vmha.v1.HandoverReply.$Properties;
        }

        /**
         * Properties of a TakeoverOrder.
         * @deprecated Use vmha.v1.TakeoverOrder.$Properties instead.
         */
        interface ITakeoverOrder extends vmha.v1.TakeoverOrder.$Properties {
        }

        /** Represents a TakeoverOrder. */
        class TakeoverOrder {

            /**
             * Constructs a new TakeoverOrder.
             * @param [properties] Properties to set
             */
            constructor(properties?: vmha.v1.TakeoverOrder.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** TakeoverOrder protocolVersion. */
            protocolVersion: number;

            /** TakeoverOrder vmId. */
            vmId: string;

            /** TakeoverOrder streamId. */
            streamId: string;

            /** TakeoverOrder primary. */
            primary: string;

            /** TakeoverOrder epoch. */
            epoch: number;

            /** TakeoverOrder leaseRevision. */
            leaseRevision: number;

            /**
             * Creates a new TakeoverOrder instance using the specified properties.
             * @param [properties] Properties to set
             * @returns TakeoverOrder instance
             */
            static create(properties: vmha.v1.TakeoverOrder.$Shape): vmha.v1.TakeoverOrder & vmha.v1.TakeoverOrder.$Shape;
            static create(properties?: vmha.v1.TakeoverOrder.$Properties): vmha.v1.TakeoverOrder;

            /**
             * Encodes the specified TakeoverOrder message. Does not implicitly {@link vmha.v1.TakeoverOrder.verify|verify} messages.
             * @param message TakeoverOrder message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: vmha.v1.TakeoverOrder.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a TakeoverOrder message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {vmha.v1.TakeoverOrder & vmha.v1.TakeoverOrder.$Shape} TakeoverOrder
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): vmha.v1.TakeoverOrder & vmha.v1.TakeoverOrder.$Shape;

            /**
             * Verifies a TakeoverOrder message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a TakeoverOrder message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns TakeoverOrder
             */
            static fromObject(object: { [k: string]: any }): vmha.v1.TakeoverOrder;

            /**
             * Creates a plain object from a TakeoverOrder message. Also converts values to other types if specified.
             * @param message TakeoverOrder
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: vmha.v1.TakeoverOrder, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this TakeoverOrder to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace TakeoverOrder {

            /** Properties of a TakeoverOrder. */
            interface $Properties {

                /** TakeoverOrder protocolVersion */
                protocolVersion?: (number|null);

                /** TakeoverOrder vmId */
                vmId?: (string|null);

                /** TakeoverOrder streamId */
                streamId?: (string|null);

                /** TakeoverOrder primary */
                primary?: (string|null);

                /** TakeoverOrder epoch */
                epoch?: (number|null);

                /** TakeoverOrder leaseRevision */
                leaseRevision?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a TakeoverOrder. */
            type $Shape = vmha.v1.TakeoverOrder.$Properties;
        }

        /**
         * Properties of a TakeoverReply.
         * @deprecated Use vmha.v1.TakeoverReply.$Properties instead.
         */
        interface ITakeoverReply extends vmha.v1.TakeoverReply.$Properties {
        }

        /** Represents a TakeoverReply. */
        class TakeoverReply {

            /**
             * Constructs a new TakeoverReply.
             * @param [properties] Properties to set
             */
            constructor(properties?: vmha.v1.TakeoverReply.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** TakeoverReply protocolVersion. */
            protocolVersion: number;

            /** TakeoverReply vmId. */
            vmId: string;

            /** TakeoverReply accepted. */
            accepted: boolean;

            /** TakeoverReply reason. */
            reason: string;

            /** TakeoverReply leaseRevision. */
            leaseRevision: number;

            /**
             * Creates a new TakeoverReply instance using the specified properties.
             * @param [properties] Properties to set
             * @returns TakeoverReply instance
             */
            static create(properties: vmha.v1.TakeoverReply.$Shape): vmha.v1.TakeoverReply & vmha.v1.TakeoverReply.$Shape;
            static create(properties?: vmha.v1.TakeoverReply.$Properties): vmha.v1.TakeoverReply;

            /**
             * Encodes the specified TakeoverReply message. Does not implicitly {@link vmha.v1.TakeoverReply.verify|verify} messages.
             * @param message TakeoverReply message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: vmha.v1.TakeoverReply.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a TakeoverReply message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {vmha.v1.TakeoverReply & vmha.v1.TakeoverReply.$Shape} TakeoverReply
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): vmha.v1.TakeoverReply & vmha.v1.TakeoverReply.$Shape;

            /**
             * Verifies a TakeoverReply message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a TakeoverReply message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns TakeoverReply
             */
            static fromObject(object: { [k: string]: any }): vmha.v1.TakeoverReply;

            /**
             * Creates a plain object from a TakeoverReply message. Also converts values to other types if specified.
             * @param message TakeoverReply
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: vmha.v1.TakeoverReply, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this TakeoverReply to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace TakeoverReply {

            /** Properties of a TakeoverReply. */
            interface $Properties {

                /** TakeoverReply protocolVersion */
                protocolVersion?: (number|null);

                /** TakeoverReply vmId */
                vmId?: (string|null);

                /** TakeoverReply accepted */
                accepted?: (boolean|null);

                /** TakeoverReply reason */
                reason?: (string|null);

                /** TakeoverReply leaseRevision */
                leaseRevision?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a TakeoverReply. */
            type $Shape = vmha.v1.TakeoverReply.$Properties;
        }

        /**
         * Properties of a ModeRequest.
         * @deprecated Use vmha.v1.ModeRequest.$Properties instead.
         */
        interface IModeRequest extends vmha.v1.ModeRequest.$Properties {
        }

        /** Represents a ModeRequest. */
        class ModeRequest {

            /**
             * Constructs a new ModeRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: vmha.v1.ModeRequest.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ModeRequest protocolVersion. */
            protocolVersion: number;

            /** ModeRequest vmId. */
            vmId: string;

            /** ModeRequest mode. */
            mode: string;

            /**
             * Creates a new ModeRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ModeRequest instance
             */
            static create(properties: vmha.v1.ModeRequest.$Shape): vmha.v1.ModeRequest & vmha.v1.ModeRequest.$Shape;
            static create(properties?: vmha.v1.ModeRequest.$Properties): vmha.v1.ModeRequest;

            /**
             * Encodes the specified ModeRequest message. Does not implicitly {@link vmha.v1.ModeRequest.verify|verify} messages.
             * @param message ModeRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: vmha.v1.ModeRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ModeRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {vmha.v1.ModeRequest & vmha.v1.ModeRequest.$Shape} ModeRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): vmha.v1.ModeRequest & vmha.v1.ModeRequest.$Shape;

            /**
             * Verifies a ModeRequest message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a ModeRequest message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns ModeRequest
             */
            static fromObject(object: { [k: string]: any }): vmha.v1.ModeRequest;

            /**
             * Creates a plain object from a ModeRequest message. Also converts values to other types if specified.
             * @param message ModeRequest
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: vmha.v1.ModeRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ModeRequest to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace ModeRequest {

            /** Properties of a ModeRequest. */
            interface $Properties {

                /** ModeRequest protocolVersion */
                protocolVersion?: (number|null);

                /** ModeRequest vmId */
                vmId?: (string|null);

                /** ModeRequest mode */
                mode?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ModeRequest. */
            type $Shape = vmha.v1.ModeRequest.$Properties;
        }

        /**
         * Properties of a ModeReply.
         * @deprecated Use vmha.v1.ModeReply.$Properties instead.
         */
        interface IModeReply extends vmha.v1.ModeReply.$Properties {
        }

        /** Represents a ModeReply. */
        class ModeReply {

            /**
             * Constructs a new ModeReply.
             * @param [properties] Properties to set
             */
            constructor(properties?: vmha.v1.ModeReply.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ModeReply protocolVersion. */
            protocolVersion: number;

            /** ModeReply vmId. */
            vmId: string;

            /** ModeReply accepted. */
            accepted: boolean;

            /** ModeReply reason. */
            reason: string;

            /** ModeReply mode. */
            mode: string;

            /**
             * Creates a new ModeReply instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ModeReply instance
             */
            static create(properties: vmha.v1.ModeReply.$Shape): vmha.v1.ModeReply & vmha.v1.ModeReply.$Shape;
            static create(properties?: vmha.v1.ModeReply.$Properties): vmha.v1.ModeReply;

            /**
             * Encodes the specified ModeReply message. Does not implicitly {@link vmha.v1.ModeReply.verify|verify} messages.
             * @param message ModeReply message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: vmha.v1.ModeReply.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ModeReply message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {vmha.v1.ModeReply & vmha.v1.ModeReply.$Shape} ModeReply
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): vmha.v1.ModeReply & vmha.v1.ModeReply.$Shape;

            /**
             * Verifies a ModeReply message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a ModeReply message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns ModeReply
             */
            static fromObject(object: { [k: string]: any }): vmha.v1.ModeReply;

            /**
             * Creates a plain object from a ModeReply message. Also converts values to other types if specified.
             * @param message ModeReply
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: vmha.v1.ModeReply, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ModeReply to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace ModeReply {

            /** Properties of a ModeReply. */
            interface $Properties {

                /** ModeReply protocolVersion */
                protocolVersion?: (number|null);

                /** ModeReply vmId */
                vmId?: (string|null);

                /** ModeReply accepted */
                accepted?: (boolean|null);

                /** ModeReply reason */
                reason?: (string|null);

                /** ModeReply mode */
                mode?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ModeReply. */
            type $Shape = vmha.v1.ModeReply.$Properties;
        }

        /**
         * Properties of a VmStatus.
         * @deprecated Use vmha.v1.VmStatus.$Properties instead.
         */
        interface IVmStatus extends vmha.v1.VmStatus.$Properties {
        }

        /** Represents a VmStatus. */
        class VmStatus {

            /**
             * Constructs a new VmStatus.
             * @param [properties] Properties to set
             */
            constructor(properties?: vmha.v1.VmStatus.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** VmStatus protocolVersion. */
            protocolVersion: number;

            /** VmStatus vmId. */
            vmId: string;

            /** VmStatus mode. */
            mode: string;

            /** VmStatus owner. */
            owner: string;

            /** VmStatus virtualTimeMs. */
            virtualTimeMs: number;

            /** VmStatus address. */
            address: string;

            /** VmStatus counters. */
            counters: { [k: string]: number };

            /**
             * Creates a new VmStatus instance using the specified properties.
             * @param [properties] Properties to set
             * @returns VmStatus instance
             */
            static create(properties: vmha.v1.VmStatus.$Shape): vmha.v1.VmStatus & vmha.v1.VmStatus.$Shape;
            static create(properties?: vmha.v1.VmStatus.$Properties): vmha.v1.VmStatus;

            /**
             * Encodes the specified VmStatus message. Does not implicitly {@link vmha.v1.VmStatus.verify|verify} messages.
             * @param message VmStatus message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: vmha.v1.VmStatus.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a VmStatus message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {vmha.v1.VmStatus & vmha.v1.VmStatus.$Shape} VmStatus
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): vmha.v1.VmStatus & vmha.v1.VmStatus.$Shape;

            /**
             * Verifies a VmStatus message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a VmStatus message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns VmStatus
             */
            static fromObject(object: { [k: string]: any }): vmha.v1.VmStatus;

            /**
             * Creates a plain object from a VmStatus message. Also converts values to other types if specified.
             * @param message VmStatus
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: vmha.v1.VmStatus, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this VmStatus to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace VmStatus {

            /** Properties of a VmStatus. */
            interface $Properties {

                /** VmStatus protocolVersion */
                protocolVersion?: (number|null);

                /** VmStatus vmId */
                vmId?: (string|null);

                /** VmStatus mode */
                mode?: (string|null);

                /** VmStatus owner */
                owner?: (string|null);

                /** VmStatus virtualTimeMs */
                virtualTimeMs?: (number|null);

                /** VmStatus address */
                address?: (string|null);

                /** VmStatus counters */
                counters?: ({ [k: string]: number }|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a VmStatus. */
            type $Shape = vmha.v1.VmStatus.$Properties;
        }
    }
}
