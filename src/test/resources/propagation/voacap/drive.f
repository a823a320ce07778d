      PROGRAM DRIVE
      common /Cnorth_pole/ g_magnetic_lat,g_magnetic_lon
      COMMON /CON /D2R, DCL, GAMA, PI, PI2, PIO2, R2D, RZ, VOFL
      COMMON /DON /ALATD, AMIN, AMIND, BTR, BTRD, DLONG, DMP, ERTR, GCD,
     1 GCDKM, PMP, PWR, TLAT, TLATD, TLONG, TLONGD, RSN, SIGTR, RLAT,
     2 RLATD,RLONG,RLONGD,BRTD,FLUX,ULAT,ULATD,ULONG,ULONGD,SSN,D90R,
     3 D50R,D10R,D90S,D50S,D10S
      COMMON / ION / IHRE, IHRO, IHRS, LUFP, METHOD, NOISE, NPSL
      COMMON /RON /CLAT(5), CLONG(5), GLAT(5), RD(5), FI(3,5), YI(3,5),
     1HI(3,5), HPRIM(30,5), HTRUE(30,5), FVERT(30,5),KM,KFX, AFAC(30,5),
     2HTR(50,3), FNSQ(50,3)
      COMMON/GEOG/ GYZ(5), RAT(5), GMDIP(5), CLCK(5), ABIY(5), ARTIC(5),
     1 SIGPAT(5), EPSPAT(5)
      COMMON / TIME / IT, GMT, UTIME(24), GMTR, XLMT(24), ITIM, JTX
      COMMON / SSP / SUN(2,12), MONTH
      COMMON /ZEN/ ZEN(5)
      DIMENSION C(5,7)
      DATA C/41.32,69.25,39.02,125.75,0.,
     1 37.21,126.78,39.02,125.75,0.,
     2 52.65,12.91,39.02,125.75,0.,
     3 35.80,-5.90,44.90,20.50,0.,
     4 -33.9,18.4,64.1,-21.9,1.,
     5 89.95,0.,40.,30.,0.,
     6 50.,10.,50.01,10.02,0./
      g_magnetic_lat=79.5
      g_magnetic_lon=-69.0
      OPEN(7,FILE='path.csv')
      OPEN(8,FILE='sun.csv')
      WRITE(7,'(A)') 'tx_lat,tx_lon,rx_lat,rx_lon,long,distance_km,'//
     1 'az_tx,az_rx,point,distance,lat,lon,geomag_lat,gyro,modip'
      WRITE(8,'(A)') 'tx_lat,tx_lon,rx_lat,rx_lon,long,month,hour,'//
     1 'point,zenith,lmt_point,lmt_rx'
      DO 50 K=1,7
      DO 40 L=0,1
      TLATD=C(1,K)
      TLONGD=C(2,K)
      RLATD=C(3,K)
      RLONGD=C(4,K)
      NPSL=L
      CALL GEOM
      DO 10 I=1,KM
      WRITE(7,100) C(1,K),C(2,K),RLATD,RLONGD,NPSL,GCDKM,BTRD,BRTD,
     1 I,RD(I),CLAT(I),CLONG(I),GLAT(I),GYZ(I),GMDIP(I)
  10  CONTINUE
      IF(L.EQ.1) GO TO 40
      DO 30 MONTH=1,12,3
      DO 30 JT=1,24
      GMT=JT
      CKC=GMT
      DUMMY=RLONG*R2D
      CNGDAY=CNGTIM(CKC,DUMMY,1)
      GMTR=CKC
      CALL TIMVAR
      DO 20 I=1,KM
      WRITE(8,200) C(1,K),C(2,K),RLATD,RLONGD,NPSL,MONTH,JT,I,ZEN(I),
     1 CLCK(I),GMTR
  20  CONTINUE
  30  CONTINUE
  40  CONTINUE
  50  CONTINUE
 100  FORMAT(4(F8.3,','),I1,',',3(ES16.9,','),I1,6(',',ES16.9))
 200  FORMAT(4(F8.3,','),I1,',',I2,',',I2,',',I1,3(',',ES16.9))
      END
      SUBROUTINE EF1VAR(CYCEN,II)
      COMMON /ZEN/ ZEN(5)
      ZEN(II)=CYCEN
      END
      SUBROUTINE NOISY(I,X,Y,Z)
      Z=3.
      END
