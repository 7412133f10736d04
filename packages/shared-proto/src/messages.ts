/**
 * The generated vmha.v1 message classes under short names (`IpPacket` rather than `vmha.v1.IpPacket`).
 * Each name is both the class (encode/decode) and the decoded message's type.
 */
import { vmha } from './gen/vmha.js';

export const IpPacket = vmha.v1.IpPacket;
export type IpPacket = vmha.v1.IpPacket;
export const VipAnnouncement = vmha.v1.VipAnnouncement;
export type VipAnnouncement = vmha.v1.VipAnnouncement;
export const HealthRequest = vmha.v1.HealthRequest;
export type HealthRequest = vmha.v1.HealthRequest;
export const HealthReply = vmha.v1.HealthReply;
export type HealthReply = vmha.v1.HealthReply;
export const VmStatus = vmha.v1.VmStatus;
export type VmStatus = vmha.v1.VmStatus;

export const CheckpointChunk = vmha.v1.CheckpointChunk;
export type CheckpointChunk = vmha.v1.CheckpointChunk;
export const CheckpointKind = vmha.v1.CheckpointKind;
export type CheckpointKind = vmha.v1.CheckpointKind;
export const CheckpointAck = vmha.v1.CheckpointAck;
export type CheckpointAck = vmha.v1.CheckpointAck;
export const Heartbeat = vmha.v1.Heartbeat;
export type Heartbeat = vmha.v1.Heartbeat;
export const JoinRequest = vmha.v1.JoinRequest;
export type JoinRequest = vmha.v1.JoinRequest;
export const JoinReply = vmha.v1.JoinReply;
export type JoinReply = vmha.v1.JoinReply;
export const EpochEvent = vmha.v1.EpochEvent;
export type EpochEvent = vmha.v1.EpochEvent;
export const EpochReport = vmha.v1.EpochReport;
export type EpochReport = vmha.v1.EpochReport;
export const HandoverRequest = vmha.v1.HandoverRequest;
export type HandoverRequest = vmha.v1.HandoverRequest;
export const HandoverReply = vmha.v1.HandoverReply;
export type HandoverReply = vmha.v1.HandoverReply;
export const TakeoverOrder = vmha.v1.TakeoverOrder;
export type TakeoverOrder = vmha.v1.TakeoverOrder;
export const TakeoverReply = vmha.v1.TakeoverReply;
export type TakeoverReply = vmha.v1.TakeoverReply;
export const ModeRequest = vmha.v1.ModeRequest;
export type ModeRequest = vmha.v1.ModeRequest;
export const ModeReply = vmha.v1.ModeReply;
export type ModeReply = vmha.v1.ModeReply;

export { vmha };
