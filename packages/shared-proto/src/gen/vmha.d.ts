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
